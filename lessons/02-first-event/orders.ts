/**
 * The lesson's domain: an online shop's orders. An order is placed, paid,
 * then shipped, or cancelled; the payment that pays it is received on a
 * stream of its own. The sections, the exercises and their solutions import
 * these classes from here, so each is defined, and registered, once.
 */
import { z } from 'zod'
import { defineEvent } from 'eventsource-ts'

// #region order-placed
/** Money as a whole number of cents: floats would round 0.1 + 0.2 wrong. */
const Cents = z.number().int().nonnegative()

/** An ISO 4217 code, such as EUR; each rule has a message of its own. */
const Currency = z
  .string()
  .length(3, 'must have three letters')
  .regex(/^[A-Z]*$/, 'must be in capital letters, such as EUR')

const OrderItem = z.object({
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
  unitPriceCents: Cents,
})

export const OrderPlaced = defineEvent({
  eventType: 'OrderPlaced',
  aggregateType: 'Order',
  schema: z
    .object({
      customerId: z.string().min(1),
      items: z.array(OrderItem).min(1),
      currency: Currency,
      totalCents: Cents,
    })
    // A rule across fields: give it a path, or it names no field.
    .refine(
      (order) =>
        order.totalCents ===
        order.items.reduce(
          (sum, item) => sum + item.quantity * item.unitPriceCents,
          0,
        ),
      { path: ['totalCents'], error: 'must be the sum of the items' },
    ),
})
export type OrderPlaced = InstanceType<typeof OrderPlaced>
// #endregion order-placed

/** What `new OrderPlaced(...)` takes: the base fields and the payload. */
export type OrderPlacedInput = ConstructorParameters<typeof OrderPlaced>[0]

// #region lifecycle
export const OrderPaid = defineEvent({
  eventType: 'OrderPaid',
  aggregateType: 'Order',
  schema: z.object({
    paymentId: z.string().min(1),
    amountCents: Cents,
    currency: Currency,
  }),
})
export type OrderPaid = InstanceType<typeof OrderPaid>

export const OrderShipped = defineEvent({
  eventType: 'OrderShipped',
  aggregateType: 'Order',
  schema: z.object({
    carrier: z.string().min(1),
    trackingNumber: z.string().min(1),
  }),
})
export type OrderShipped = InstanceType<typeof OrderShipped>

export const OrderCancelled = defineEvent({
  eventType: 'OrderCancelled',
  aggregateType: 'Order',
  schema: z.object({ reason: z.string().min(1) }),
})
export type OrderCancelled = InstanceType<typeof OrderCancelled>

/** Every event of an order's stream. */
export type OrderEvent = OrderPlaced | OrderPaid | OrderShipped | OrderCancelled
// #endregion lifecycle

// #region payment
/** A payment is an aggregate of its own: its events go to its own stream. */
export const PaymentReceived = defineEvent({
  eventType: 'PaymentReceived',
  aggregateType: 'Payment',
  schema: z.object({
    orderId: z.string().min(1),
    amountCents: Cents,
    currency: Currency,
    method: z.enum(['card', 'paypal', 'bank-transfer']),
  }),
})
export type PaymentReceived = InstanceType<typeof PaymentReceived>
// #endregion payment

/** An amount for people to read: `money(4500, 'EUR')` is "45.00 EUR". */
export function money(cents: number, currency: string): string {
  return `${(cents / 100).toFixed(2)} ${currency}`
}
