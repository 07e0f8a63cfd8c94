/** What an event looks like as JSON, and what a store keeps of it. */
import { z } from 'zod'
import {
  defineEvent,
  EventValidationError,
  ExpectedVersion,
  SQLiteEventStore,
} from 'eventsource-ts'
import { OrderPlaced } from '../orders.ts'
import { wrap } from '../wrap.ts'

export default async function serialization(): Promise<void> {
  const placed = new OrderPlaced({
    aggregateId: 'order-1001',
    customerId: 'customer-42',
    items: [{ sku: 'MUG-01', quantity: 2, unitPriceCents: 1250 }],
    currency: 'EUR',
    totalCents: 2500,
  })

  // #region to-json
  // JSON.stringify calls toJSON(): the base fields that are set, then the
  // payload. A Date becomes an ISO-8601 string.
  const json = JSON.parse(JSON.stringify(placed)) as Record<string, unknown>
  const lines = Object.entries(json).map(
    ([key, value]) => `  "${key}": ${JSON.stringify(value)}`,
  )
  console.log(`{\n${lines.join(',\n')}\n}`)
  // #endregion to-json

  // #region store
  await using store = new SQLiteEventStore(':memory:')
  await store.initialize()
  await store.appendEvents({
    aggregateId: placed.aggregateId,
    aggregateType: 'Order',
    events: [placed],
    expectedVersion: ExpectedVersion.NO_STREAM,
  })
  const { events } = await store.getEvents(placed.aggregateId, 'Order')
  const [readBack] = events
  console.log(
    `Read back: instanceof OrderPlaced ${readBack instanceof OrderPlaced}, ` +
      `the same object ${readBack === placed}`,
  )
  const sameJson = JSON.stringify(readBack) === JSON.stringify(placed)
  const isDate = readBack?.occurredAt instanceof Date
  console.log(`  occurredAt a Date again ${isDate}, the same JSON ${sameJson}`)
  // #endregion store

  // #region json-only
  // A payload must survive JSON: a Date field would come back a string.
  const OrderDeliveryBooked = defineEvent({
    eventType: 'OrderDeliveryBooked',
    aggregateType: 'Order',
    schema: z.object({ deliverOn: z.date() }), // wrong: use z.iso.date()
    registry: false, // a counter-example: registered nowhere
  })
  try {
    new OrderDeliveryBooked({
      aggregateId: 'order-1001',
      deliverOn: new Date(),
    })
  } catch (error) {
    if (!(error instanceof EventValidationError)) throw error
    console.log(
      `new ${error.eventType}({ deliverOn: new Date() }) → ${error.name}`,
    )
    for (const { path, message } of error.issues)
      console.log(wrap(`  ${path}: ${message}`, '    '))
  }
  // #endregion json-only
}
