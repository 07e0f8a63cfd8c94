/**
 * A CRUD row that overwrites itself, beside the same history kept as events.
 */
import { describeEvent, minute } from '../account.ts'
import { describeRow, type AccountRow } from '../crud.ts'
import { ALICE_ACCOUNT, aliceHistory } from '../history.ts'

export default function crudRow(): void {
  console.log('CRUD: one row, written over by every change')
  // #region crud
  // INSERT INTO accounts VALUES ('acc-1001', 'Alice', 0, ...)
  const row: AccountRow = {
    id: ALICE_ACCOUNT,
    owner: 'Alice',
    balance: 0,
    updatedAt: new Date('2025-03-03T09:00:00Z'),
    updatedBy: 'teller-7',
  }
  console.log(`  INSERT  ${describeRow(row)}`)

  // The app works out each new balance and writes it over the old one:
  // UPDATE accounts SET balance = ?, updated_at = ?, updated_by = ?
  // WHERE id = 'acc-1001'
  const updates = [
    [100_00, '2025-03-03T09:05:00Z', 'teller-7'],
    [60_00, '2025-03-10T18:30:00Z', 'atm-42'],
    [1_260_00, '2025-03-25T08:00:00Z', 'payroll'],
    [310_00, '2025-04-01T10:00:00Z', 'alice'],
  ] as const
  for (const [balance, updatedAt, updatedBy] of updates) {
    Object.assign(row, { balance, updatedAt: new Date(updatedAt), updatedBy })
    console.log(`  UPDATE  ${describeRow(row)}`)
  }
  // #endregion crud
  console.log(
    `  SELECT * FROM accounts: 1 row, at its last values; ` +
      `the ${updates.length} before are gone`,
  )

  console.log('Event sourcing: the same changes, appended to a log')
  // #region log
  for (const event of aliceHistory) {
    const { aggregateVersion, occurredAt, actorId = '', eventType } = event
    console.log(
      `  v${aggregateVersion}  ${minute(occurredAt)}  ${actorId.padEnd(8)}  ` +
        `${eventType.padEnd(14)}  ${describeEvent(event)}`,
    )
  }
  // #endregion log
  console.log(
    `  ${aliceHistory.length} events: every change, with its amount, ` +
      'when it happened and who made it',
  )
}
