/**
 * A first run on the library: an in-memory event store, a repository that
 * saves and loads accounts, and the log it keeps.
 */
import { randomUUID } from 'node:crypto'
import { AggregateRepository, InMemoryEventStore } from 'eventsource-ts'
import {
  AccountAggregate,
  AccountOpened,
  MoneyDeposited,
  MoneyWithdrawn,
  describeEvent,
  money,
} from '../account.ts'

export default async function firstRun(): Promise<void> {
  // #region store
  // `await using` closes the store when this function ends.
  await using store = new InMemoryEventStore()
  await store.initialize()
  const accounts = new AggregateRepository({
    eventStore: store,
    aggregateFactory: AccountAggregate,
  })
  // #endregion store

  // #region save
  const alice = accounts.createNew(randomUUID())
  alice.open('Alice')
  alice.deposit(100_00)
  console.log(
    `Alice's new account: version ${alice.version}, ` +
      `${alice.uncommittedEvents.length} events not saved yet`,
  )
  await accounts.save(alice)
  console.log(
    'save(): appended to the store; uncommitted events now: ' +
      alice.uncommittedEvents.length,
  )

  const bob = accounts.createNew(randomUUID())
  bob.open('Bob')
  bob.deposit(25_00)
  await accounts.save(bob)
  // #endregion save

  // #region load
  // load() reads the stream and replays it into a new AccountAggregate.
  const loaded = await accounts.load(alice.aggregateId)
  const { owner, balance } = loaded.state
  console.log(
    `load(): ${owner}, balance ${money(balance)}, version ${loaded.version}`,
  )
  loaded.withdraw(40_00)
  await accounts.save(loaded)
  console.log(`withdraw(40_00), save(): version ${loaded.version}`)
  // #endregion load

  console.log('The log, in global order: position, stream, version, event')
  // #region log
  const short = (id: string) => id.slice(0, 8)
  for await (const { globalPosition, event } of store.readAll()) {
    const { aggregateType, aggregateId, aggregateVersion } = event
    console.log(
      `  #${globalPosition}  ${aggregateType} ${short(aggregateId)}  ` +
        `v${aggregateVersion}  ${event.eventType.padEnd(14)}  ` +
        describeEvent(event),
    )
  }
  // #endregion log

  console.log('A projection: every balance, by owner, built from the log')
  // #region projection
  // A read model: each account's owner and balance, from one pass over the
  // whole log. Lesson 6 builds them with the library's Projection class.
  const balances = new Map<string, { owner: string; balance: number }>()
  for await (const { event } of store.readAll()) {
    const account = balances.get(event.aggregateId)
    if (event instanceof AccountOpened)
      balances.set(event.aggregateId, { owner: event.owner, balance: 0 })
    else if (account && event instanceof MoneyDeposited)
      account.balance += event.amount
    else if (account && event instanceof MoneyWithdrawn)
      account.balance -= event.amount
  }
  for (const { owner, balance } of balances.values())
    console.log(`  ${owner.padEnd(5)}  ${money(balance)}`)
  // #endregion projection
}
