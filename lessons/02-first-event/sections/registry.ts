/** The registry: how a store finds the class of a stored event type. */
import { z } from 'zod'
import {
  defaultRegistry,
  defineEvent,
  DuplicateEventTypeError,
  EventRegistry,
  EventTypeNotFoundError,
  InMemoryEventStore,
  registerEvent,
} from 'eventsource-ts'
import { OrderPaid, OrderPlaced, OrderShipped } from '../orders.ts'
import { wrap } from '../wrap.ts'

export default async function registry(): Promise<void> {
  // #region default
  // defineEvent registered each order event here: stores look types up in
  // defaultRegistry unless given one of their own.
  console.log(wrap(`defaultRegistry: ${defaultRegistry.list().join(', ')}`))
  // #endregion default

  // #region own
  const shop = new EventRegistry()
  registerEvent(OrderPlaced, shop) // or shop.register(OrderPlaced)
  registerEvent(OrderPaid, shop)
  registerEvent(OrderPlaced, shop) // the same class again: no-op
  console.log(`shop: ${shop.list().join(', ')}`)
  console.log(`shop.has('OrderShipped'): ${shop.has('OrderShipped')}`)
  // #endregion own

  // #region duplicate
  // Another class under a name that is taken: refused.
  const SecondOrderPaid = defineEvent({
    eventType: 'OrderPaid',
    aggregateType: 'Order',
    schema: z.object({ amount: z.number() }),
    registry: false, // registered nowhere, for now
  })
  try {
    shop.register(SecondOrderPaid)
  } catch (error) {
    if (!(error instanceof DuplicateEventTypeError)) throw error
    console.log(wrap(`${error.name}: ${error.message}`))
  }
  // #endregion duplicate

  // #region unknown
  try {
    shop.get('OrderShipped')
  } catch (error) {
    if (!(error instanceof EventTypeNotFoundError)) throw error
    console.log(wrap(`${error.name}: ${error.message}`))
  }
  // #endregion unknown

  // #region store
  // A store reads and writes only the types its registry knows.
  await using store = new InMemoryEventStore({ eventRegistry: shop })
  await store.initialize()
  const shipped = new OrderShipped({
    aggregateId: 'order-1001',
    carrier: 'DHL',
    trackingNumber: 'JD014600003',
  })
  try {
    await store.appendEvents({
      aggregateId: 'order-1001',
      aggregateType: 'Order',
      events: [shipped],
      expectedVersion: 0,
    })
  } catch (error) {
    if (!(error instanceof EventTypeNotFoundError)) throw error
    const position = await store.getGlobalPosition()
    console.log(`A store on shop's registry refuses ${error.eventType}:`)
    console.log(`  ${error.name}; global position ${position}, nothing written`)
  }
  // #endregion store
}
