/** The order the lesson's examples place, once they have shown it whole. */
import type { OrderPlacedInput } from './orders.ts'

/** An OrderPlaced's payload: customer-42 buys two mugs and a tea. */
export const MUGS_AND_TEA = {
  customerId: 'customer-42',
  items: [
    { sku: 'MUG-01', quantity: 2, unitPriceCents: 1250 },
    { sku: 'TEA-07', quantity: 1, unitPriceCents: 2000 },
  ],
  currency: 'EUR',
  totalCents: 4500,
} satisfies Omit<OrderPlacedInput, 'aggregateId'>
