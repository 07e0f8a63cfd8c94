/** An event type: a class made by defineEvent, its payload checked by zod. */
import { DomainEvent } from 'eventsource-ts'
import { money, OrderPlaced } from '../orders.ts'

export default function define(): void {
  // #region create
  const placed = new OrderPlaced({
    aggregateId: 'order-1001', // which order: the stream it belongs to
    customerId: 'customer-42',
    items: [
      { sku: 'MUG-01', quantity: 2, unitPriceCents: 1250 },
      { sku: 'TEA-07', quantity: 1, unitPriceCents: 2000 },
    ],
    currency: 'EUR',
    totalCents: 4500,
  })
  // #endregion create

  // #region inspect
  const { eventType, aggregateType, aggregateId, items } = placed
  console.log(`${eventType} of ${aggregateType} ${aggregateId}`)
  const skus = items.map((item) => `${item.quantity} × ${item.sku}`)
  const total = money(placed.totalCents, placed.currency)
  console.log(`  ${placed.customerId} ordered ${skus.join(', ')}: ${total}`)
  console.log(
    `  instanceof OrderPlaced: ${placed instanceof OrderPlaced}, ` +
      `instanceof DomainEvent: ${placed instanceof DomainEvent}`,
  )
  // #endregion inspect
}
