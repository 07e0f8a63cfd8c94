/**
 * Alice's account: five things that happened to it, as events. The first
 * sections of the lesson, and the exercises' checks, read this history.
 */
import {
  AccountOpened,
  MoneyDeposited,
  MoneyWithdrawn,
  type AccountEvent,
} from './account.ts'

export const ALICE_ACCOUNT = 'acc-1001'

// #region history
/** The base fields of the event at `version`: its stream, when and who. */
const base = (version: number, occurredAt: string, actorId: string) => ({
  aggregateId: ALICE_ACCOUNT,
  aggregateVersion: version,
  occurredAt,
  actorId,
})

export const aliceHistory: readonly AccountEvent[] = [
  new AccountOpened({
    ...base(1, '2025-03-03T09:00:00Z', 'teller-7'),
    owner: 'Alice',
  }),
  new MoneyDeposited({
    ...base(2, '2025-03-03T09:05:00Z', 'teller-7'),
    amount: 100_00, // $100.00, in cents
  }),
  new MoneyWithdrawn({
    ...base(3, '2025-03-10T18:30:00Z', 'atm-42'),
    amount: 40_00,
  }),
  new MoneyDeposited({
    ...base(4, '2025-03-25T08:00:00Z', 'payroll'),
    amount: 1_200_00,
  }),
  new MoneyWithdrawn({
    ...base(5, '2025-04-01T10:00:00Z', 'alice'),
    amount: 950_00,
  }),
]
// #endregion history

/** One change to an account: opened by an owner, or an amount in or out. */
export type Change =
  { open: string } | { deposit: number } | { withdraw: number }

/**
 * A history of events from changes, each with when it happened and by whom,
 * numbered 1, 2, 3…: the exercises' checks make their accounts with it.
 */
export function historyOf(
  aggregateId: string,
  changes: readonly [occurredAt: string, actorId: string, change: Change][],
): AccountEvent[] {
  return changes.map(([occurredAt, actorId, change], index) => {
    const fields = {
      aggregateId,
      aggregateVersion: index + 1,
      occurredAt,
      actorId,
    }
    if ('open' in change)
      return new AccountOpened({ ...fields, owner: change.open })
    if ('deposit' in change)
      return new MoneyDeposited({ ...fields, amount: change.deposit })
    return new MoneyWithdrawn({ ...fields, amount: change.withdraw })
  })
}
