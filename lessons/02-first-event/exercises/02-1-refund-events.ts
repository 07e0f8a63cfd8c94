/**
 * Exercise 02-1: define two event types with schemas, and register them.
 *
 * The shop refunds orders. Its refunds module keeps its event types in a
 * registry of its own, refundRegistry, and not in defaultRegistry:
 *   - OrderRefundRequested, an event of the Order aggregate: the customer
 *     asked for money back. Its payload: `reason`, a non-empty string, and
 *     `amountCents`, a positive whole number of cents.
 *   - PaymentRefunded, an event of the Payment aggregate: the money went
 *     back. Its payload: `orderId`, a non-empty string, and `amountCents`, a
 *     positive whole number of cents.
 *
 * Check your work with `npm run verify 02-1`. Stuck? `npm run hint 02-1`.
 */
import { z } from 'zod'
import { defineEvent, EventRegistry } from 'eventsource-ts'
import { todo } from '../../todo.ts'

// TODO 1: make refundRegistry a new, empty EventRegistry.
export const refundRegistry = todo('refundRegistry')

// TODO 2: define OrderRefundRequested with defineEvent: its eventType, its
//         aggregateType, a zod schema for `reason` and `amountCents`, and
//         registry: refundRegistry (without it, defineEvent registers the
//         type in defaultRegistry).
export const OrderRefundRequested = todo('OrderRefundRequested')
export type OrderRefundRequested = InstanceType<typeof OrderRefundRequested>

// TODO 3: define PaymentRefunded the same way, for the Payment aggregate,
//         with `orderId` and `amountCents`.
export const PaymentRefunded = todo('PaymentRefunded')
export type PaymentRefunded = InstanceType<typeof PaymentRefunded>
