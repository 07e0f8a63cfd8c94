/**
 * What the log gives that the row cannot, and what it costs: shown on
 * Alice's history.
 */
import {
  AccountAggregate,
  MoneyDeposited,
  MoneyWithdrawn,
  minute,
  money,
} from '../account.ts'
import { rowAfter } from '../crud.ts'
import { ALICE_ACCOUNT, aliceHistory } from '../history.ts'

export default function tradeOffs(): void {
  console.log('Benefit: an audit trail. Every withdrawal, when and by whom')
  // #region audit
  for (const event of aliceHistory) {
    if (event instanceof MoneyWithdrawn) {
      const { occurredAt, actorId = '', amount } = event
      console.log(
        `  ${minute(occurredAt)}  ${actorId.padEnd(8)}  ${money(amount)}`,
      )
    }
  }
  // #endregion audit

  console.log(
    'Benefit: new questions about old facts. Money in and out in March',
  )
  // #region new-question
  // Nobody planned this report when the account was opened; the facts
  // were kept anyway, so it is a loop over the log.
  let moneyIn = 0
  let moneyOut = 0
  for (const event of aliceHistory) {
    if (!event.occurredAt.toISOString().startsWith('2025-03')) continue
    if (event instanceof MoneyDeposited) moneyIn += event.amount
    if (event instanceof MoneyWithdrawn) moneyOut += event.amount
  }
  console.log(`  in ${money(moneyIn)}, out ${money(moneyOut)}`)
  // #endregion new-question
  console.log('  (the row cannot say: it has no March, only its last write)')

  console.log('Cost: the log only grows')
  // #region growth
  const rowBytes = JSON.stringify(rowAfter(aliceHistory)).length
  const logBytes = JSON.stringify(aliceHistory).length
  console.log(`  the row: 1 record, ${rowBytes} bytes of JSON`)
  console.log(
    `  the log: ${aliceHistory.length} events, ` +
      `${logBytes.toLocaleString('en')} bytes, and one more for every change`,
  )
  // #endregion growth

  console.log('Cost: events are never edited, so a mistake takes a new event')
  // #region correction
  // A teller typed $1,000.00 for a $100.00 deposit. The event is frozen:
  // the fix is a second event that undoes the difference, and says why.
  const base = { aggregateId: ALICE_ACCOUNT, actorId: 'teller-7' }
  const typo = new MoneyDeposited({
    ...base,
    aggregateVersion: 6,
    amount: 1_000_00,
  })
  const fix = new MoneyWithdrawn({
    ...base,
    aggregateVersion: 7,
    amount: 900_00,
    metadata: { corrects: typo.eventId, reason: 'typed 1000 for 100' },
  })
  const account = new AccountAggregate(ALICE_ACCOUNT)
  account.loadFromHistory([...aliceHistory, typo, fix])
  console.log(`  Object.isFrozen(typo): ${Object.isFrozen(typo)}`)
  console.log(
    `  v6 ${typo.eventType} ${money(typo.amount)} (the typo), ` +
      `v7 ${fix.eventType} ${money(fix.amount)} (its fix)`,
  )
  console.log(
    `  balance ${money(account.state.balance)}: right again, and the log ` +
      'still shows the mistake',
  )
  // #endregion correction
}
