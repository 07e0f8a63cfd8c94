/**
 * Exercise 01-1: rebuild a bank account's balance from its events.
 *
 * An event-sourced account stores no balance: it stores what happened, and
 * the balance is worked out from that whenever it is needed.
 *   - balanceOf(events): the balance after all of the account's events, in
 *     cents. Opening an account starts it at 0; a deposit adds its amount;
 *     a withdrawal takes its amount away.
 *   - balanceAt(events, moment): the balance as it was at `moment`: only
 *     the events that had happened by then (at that very moment, or
 *     before) count.
 *
 * Check your work with `npm run verify 01-1`. Stuck? `npm run hint 01-1`.
 */
import type { AccountEvent } from '../account.ts'
import { todo } from '../../todo.ts'

export function balanceOf(events: readonly AccountEvent[]): number {
  // TODO 1: start from 0 and go through the events in order. Switch on
  //         event.eventType: 'AccountOpened', 'MoneyDeposited' and
  //         'MoneyWithdrawn'. In each case TypeScript knows the event's
  //         fields, such as event.amount.
  todo('balanceOf()')
}

export function balanceAt(
  events: readonly AccountEvent[],
  moment: Date,
): number {
  // TODO 2: keep the events whose occurredAt is at or before `moment`,
  //         and work out their balance with balanceOf().
  todo('balanceAt()')
}
