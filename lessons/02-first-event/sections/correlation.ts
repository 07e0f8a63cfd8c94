/**
 * Correlation and causation: one checkout, four events on two aggregates,
 * each caused by the one before.
 */
import type { DomainEvent } from 'eventsource-ts'
import { causedBy } from '../caused-by.ts'
import {
  OrderPaid,
  OrderPlaced,
  OrderShipped,
  PaymentReceived,
} from '../orders.ts'
import { MUGS_AND_TEA } from '../sample-order.ts'

/** The start of an id: enough to tell the events apart. */
const short = (id: string | undefined) => id?.slice(0, 8) ?? '—'

export default function correlation(): void {
  // #region chain
  const orderId = 'order-1001'
  const placed = new OrderPlaced({
    aggregateId: orderId,
    actorId: 'customer-42',
    ...MUGS_AND_TEA,
  }) // starts the workflow: a new correlationId, no causationId
  const received = new PaymentReceived({
    aggregateId: 'payment-7001', // another aggregate: the payment
    actorId: 'payment-gateway',
    ...causedBy(placed),
    orderId,
    amountCents: placed.totalCents,
    currency: placed.currency,
    method: 'card',
  })
  const paid = new OrderPaid({
    aggregateId: orderId,
    aggregateVersion: 2,
    actorId: 'payment-gateway',
    ...causedBy(received),
    paymentId: received.aggregateId,
    amountCents: received.amountCents,
    currency: received.currency,
  })
  const shipped = new OrderShipped({
    aggregateId: orderId,
    aggregateVersion: 3,
    actorId: 'warehouse',
    ...causedBy(paid),
    carrier: 'DHL',
    trackingNumber: 'JD014600003',
  })
  // #endregion chain

  // #region print
  // Another customer's checkout, at the same time: a workflow of its own.
  const other = new OrderPlaced({
    aggregateId: 'order-1002',
    actorId: 'customer-7',
    customerId: 'customer-7',
    items: [{ sku: 'TEA-07', quantity: 1, unitPriceCents: 2000 }],
    currency: 'EUR',
    totalCents: 2000,
  })
  const log: DomainEvent[] = [placed, other, received, paid, shipped]
  const row = (...cells: string[]) =>
    cells.map((cell, i) => cell.padEnd([15, 20, 9, 10][i] ?? 0)).join(' ')
  console.log(row('Event', 'Stream', 'Id', 'Caused by', 'Correlation'))
  for (const event of log) {
    const { eventType, aggregateType, aggregateId } = event
    console.log(
      row(
        eventType,
        `${aggregateType} ${aggregateId}`,
        short(event.eventId),
        short(event.causationId),
        short(event.correlationId),
      ),
    )
  }
  // #endregion print

  // #region trace
  // Why was it shipped? Follow the causation ids back to the start.
  const byId = new Map(log.map((event) => [event.eventId, event]))
  const why: string[] = []
  for (
    let event: DomainEvent | undefined = shipped;
    event;
    event = event.causationId ? byId.get(event.causationId) : undefined
  )
    why.push(event.eventType)
  console.log(`Why shipped? ${why.join(' ← ')}`)
  // Everything that happened in this checkout, whatever its aggregate.
  const checkout = log.filter((e) => e.correlationId === placed.correlationId)
  const streams = new Set(
    checkout.map((e) => `${e.aggregateType} ${e.aggregateId}`),
  )
  console.log(
    `Checkout ${short(placed.correlationId)}: ${checkout.length} of the ` +
      `${log.length} events, on ${streams.size} aggregates`,
  )
  // #endregion trace
}
