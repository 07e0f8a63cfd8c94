/**
 * Exercise 02-2: make a validation error say which field is wrong.
 *
 * The shop's checkout form posts JSON, and anything can be in it.
 * placeOrder(orderId, form) builds an OrderPlaced for the order orderId from
 * the form's customerId, items, currency and totalCents, and returns
 *   - { ok: true, event } when OrderPlaced takes them;
 *   - { ok: false, errors } when it refuses them, where errors maps the path
 *     of each wrong field ('currency', 'items.0.quantity') to what is wrong
 *     with it, so the form can show each message beside its field. A field
 *     with several problems gets all of their messages, joined by '; '.
 * Any other error is a bug, not a wrong form: let it through.
 *
 * Check your work with `npm run verify 02-2`. Stuck? `npm run hint 02-2`.
 */
import { EventValidationError } from 'eventsource-ts'
import { OrderPlaced, type OrderPlacedInput } from '../orders.ts'
import { todo } from '../../todo.ts'

/** What the browser posted: parsed JSON, not yet checked. */
export type CheckoutForm = Record<string, unknown>

export type Checkout =
  | { ok: true; event: OrderPlaced }
  | { ok: false; errors: Record<string, string> }

export function placeOrder(orderId: string, form: CheckoutForm): Checkout {
  // TODO 1: build the OrderPlaced from orderId and the four payload fields
  //         of the form, and nothing else of it: spread the whole form into
  //         the event, and the form could set its actorId or tenantId.
  // TODO 2: when OrderPlaced throws an EventValidationError, return
  //         { ok: false, errors }: for each of its issues, the path as the
  //         key and the message as the value (two messages for one path,
  //         joined by '; '). Throw any other error on.
  todo('placeOrder()')
}
