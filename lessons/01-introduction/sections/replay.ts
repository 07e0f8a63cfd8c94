/**
 * The state is not stored: it is rebuilt by replaying the events, in order.
 * Replaying only the events up to a moment gives the state at that moment.
 */
import { AccountAggregate, minute, money } from '../account.ts'
import { ALICE_ACCOUNT, aliceHistory } from '../history.ts'

export default function replay(): void {
  console.log(`Replaying Alice's ${aliceHistory.length} events, one at a time`)
  // #region replay
  const account = new AccountAggregate(ALICE_ACCOUNT)
  for (const event of aliceHistory) {
    account.loadFromHistory([event]) // runs the event's handler
    const { owner, balance } = account.state
    console.log(
      `  v${account.version} ${event.eventType.padEnd(14)} → ` +
        `${owner}, balance ${money(balance)}`,
    )
  }
  // #endregion replay
  console.log(
    `  Rebuilt: version ${account.version}, balance ` +
      `${money(account.state.balance)}, the row's balance, from the facts`,
  )

  console.log('Time travel: replay only what had happened by then')
  // #region time-travel
  function accountAt(moment: Date): AccountAggregate {
    const then = new AccountAggregate(ALICE_ACCOUNT)
    then.loadFromHistory(
      aliceHistory.filter((event) => event.occurredAt <= moment),
    )
    return then
  }

  for (const moment of ['2025-03-05T00:00Z', '2025-03-31T23:59Z']) {
    const then = accountAt(new Date(moment))
    console.log(
      `  On ${minute(new Date(moment))}: balance ` +
        `${money(then.state.balance)} (after ${then.version} events)`,
    )
  }
  // #endregion time-travel
}
