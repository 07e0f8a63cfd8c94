/**
 * The lesson's shop: customers place orders, and each order is an
 * OrderPlaced event of lesson 2, on a stream of its own. Order n costs one of
 * five prices, in turn, so every total is easy to check.
 */
import {
  ExpectedVersion,
  InMemoryEventStore,
  type EventStore,
} from 'eventsource-ts'
import { money, OrderPlaced } from '../02-first-event/orders.ts'

// #region orders
/** The prices of orders 1 to 5, 6 to 10, and so on, in cents. */
const PRICES = [1990, 4500, 1250, 8000, 2999]

/** Order n: `order-n`, one item at the nth price. */
export function order(n: number): OrderPlaced {
  const priceCents = PRICES[(n - 1) % PRICES.length]!
  return new OrderPlaced({
    aggregateId: `order-${n}`,
    customerId: `customer-${((n - 1) % 7) + 1}`,
    items: [{ sku: 'workbook', quantity: 1, unitPriceCents: priceCents }],
    currency: 'EUR',
    totalCents: priceCents,
  })
}

/** Places orders `from` to `from + count - 1`, one append each. */
export async function placeOrders(
  store: EventStore,
  count: number,
  from = 1,
): Promise<void> {
  for (let n = from; n < from + count; n++) {
    const placed = order(n)
    await store.appendEvents({
      aggregateId: placed.aggregateId,
      aggregateType: 'Order',
      events: [placed],
      expectedVersion: ExpectedVersion.NO_STREAM,
    })
  }
}
// #endregion orders

/** A new in-memory store holding orders 1 to `count`. */
export async function shopWith(count: number): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore()
  await store.initialize()
  await placeOrders(store, count)
  return store
}

/** What a revenue read model holds: how many orders, and their total. */
export interface RevenueFigures {
  orders: number
  totalCents: number
}

/** The figures of orders 1 to `count`: what a read model of them must say. */
export function revenueOf(count: number): RevenueFigures {
  let totalCents = 0
  for (let n = 1; n <= count; n++) totalCents += order(n).totalCents
  return { orders: count, totalCents }
}

/** "25 orders, 936.95 EUR". */
export function describeRevenue({ orders, totalCents }: RevenueFigures) {
  const noun = orders === 1 ? 'order' : 'orders'
  return `${orders} ${noun}, ${money(totalCents, 'EUR')}`
}

/**
 * The figures, and whether they are the log's: "40 orders, 1499.12 EUR, as
 * in the log", or what the log holds instead.
 */
export function compared(figures: RevenueFigures, log: RevenueFigures) {
  const same =
    figures.orders === log.orders && figures.totalCents === log.totalCents
  const against = same
    ? ', as in the log'
    : `; the log: ${describeRevenue(log)}`
  return `${describeRevenue(figures)}${against}`
}
