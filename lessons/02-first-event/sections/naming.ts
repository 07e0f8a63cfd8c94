/**
 * Events are named in the past tense: a stream reads as the story of what
 * happened, and an event can only record what already has.
 */
import { EventValidationError } from 'eventsource-ts'
import {
  money,
  OrderCancelled,
  OrderPaid,
  OrderPlaced,
  OrderShipped,
  type OrderEvent,
} from '../orders.ts'
import { MUGS_AND_TEA } from '../sample-order.ts'
import { wrap } from '../wrap.ts'

// #region story
/** One line of an order's history. The switch narrows each event's type. */
function tell(event: OrderEvent): string {
  switch (event.eventType) {
    case 'OrderPlaced': {
      const items = event.items.reduce((sum, item) => sum + item.quantity, 0)
      const total = money(event.totalCents, event.currency)
      return `${event.customerId} ordered ${items} items for ${total}`
    }
    case 'OrderPaid': {
      const amount = money(event.amountCents, event.currency)
      return `paid ${amount} (${event.paymentId})`
    }
    case 'OrderShipped':
      return `shipped by ${event.carrier}, tracking ${event.trackingNumber}`
    case 'OrderCancelled':
      return `cancelled: ${event.reason}`
  }
}
// #endregion story

export default function naming(): void {
  // #region histories
  const histories: Record<string, OrderEvent[]> = {
    'order-1001': [
      new OrderPlaced({ aggregateId: 'order-1001', ...MUGS_AND_TEA }),
      new OrderPaid({
        aggregateId: 'order-1001',
        aggregateVersion: 2,
        paymentId: 'payment-7001',
        amountCents: 4500,
        currency: 'EUR',
      }),
      new OrderShipped({
        aggregateId: 'order-1001',
        aggregateVersion: 3,
        carrier: 'DHL',
        trackingNumber: 'JD014600003',
      }),
    ],
    'order-1002': [
      new OrderPlaced({ aggregateId: 'order-1002', ...MUGS_AND_TEA }),
      new OrderCancelled({
        aggregateId: 'order-1002',
        aggregateVersion: 2,
        reason: 'ordered twice by mistake',
      }),
    ],
  }
  for (const [orderId, events] of Object.entries(histories)) {
    console.log(`${orderId}:`)
    for (const event of events)
      console.log(
        `  v${event.aggregateVersion} ${event.eventType.padEnd(14)} ` +
          tell(event),
      )
  }
  // #endregion histories

  // #region future
  // A fact is in the past: an event dated tomorrow is refused.
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000)
  try {
    new OrderShipped({
      aggregateId: 'order-1001',
      occurredAt: tomorrow,
      carrier: 'DHL',
      trackingNumber: 'JD014600004',
    })
  } catch (error) {
    if (!(error instanceof EventValidationError)) throw error
    console.log(`OrderShipped dated tomorrow: ${error.name}`)
    for (const { path, message } of error.issues)
      console.log(wrap(`  ${path}: ${message}`, '    '))
  }
  // #endregion future
}
