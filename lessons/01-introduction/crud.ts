/**
 * The CRUD way: an accounts table with one row an account. Each column holds
 * its latest value only; updatedAt and updatedBy say when, and by whom, the
 * row was last written.
 */
import {
  AccountAggregate,
  minute,
  money,
  type AccountEvent,
} from './account.ts'

export interface AccountRow {
  id: string
  owner: string
  balance: number // in cents
  updatedAt: Date
  updatedBy: string
}

/** A row as the lesson prints it. */
export function describeRow(row: AccountRow): string {
  return (
    `${row.owner}, balance ${money(row.balance).padStart(9)}, ` +
    `updated ${minute(row.updatedAt)} by ${row.updatedBy}`
  )
}

/**
 * The row a CRUD app would hold after the same changes: the balance they
 * add up to, and the time and author of the last one.
 */
export function rowAfter(history: readonly AccountEvent[]): AccountRow {
  const last = history.at(-1)
  if (!last) throw new Error('rowAfter: an account needs at least one event')
  const account = new AccountAggregate(last.aggregateId)
  account.loadFromHistory(history)
  return {
    id: last.aggregateId,
    ...account.state,
    updatedAt: new Date(last.occurredAt), // the table's own copy
    updatedBy: last.actorId ?? 'unknown',
  }
}
