/**
 * Exercise 01-2: find what a CRUD row forgot.
 *
 * A CRUD app keeps one row an account: its balance now, and when and by
 * whom it was last written. Each UPDATE wrote over the balance before, and
 * over the who and when of it. The account's events still have them all.
 *
 * forgottenBalances(history, row) lists the balances the account had
 * before the one the row holds, oldest first: each with the time it was
 * written (the event's occurredAt) and by whom (the event's actorId).
 * `row` is what the CRUD app holds after the same history.
 *
 * Check your work with `npm run verify 01-2`. Stuck? `npm run hint 01-2`.
 */
import type { AccountEvent } from '../account.ts'
import type { AccountRow } from '../crud.ts'
import { todo } from '../../todo.ts'

/** A balance the account had once, and the row has lost. */
export interface ForgottenBalance {
  balance: number // in cents
  /** When it was written: the occurredAt of the event that made it. */
  since: Date
  /** Who wrote it: that event's actorId. */
  by: string | undefined
}

export function forgottenBalances(
  history: readonly AccountEvent[],
  row: AccountRow,
): ForgottenBalance[] {
  // TODO 1: replay the history, in order. After each event, note the
  //         balance it left, its occurredAt and its actorId: every balance
  //         the account ever had.
  // TODO 2: the row still holds one of them: its current balance, written
  //         at row.updatedAt. Return all the others.
  todo('forgottenBalances()')
}
