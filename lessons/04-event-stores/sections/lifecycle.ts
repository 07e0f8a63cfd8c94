/**
 * A store's lifecycle: initialize() before use, close() after, and a
 * NotConnectedError outside them; then one contract on two kinds of store.
 */
import {
  ExpectedVersion,
  InMemoryEventStore,
  NotConnectedError,
  OptimisticLockError,
  SQLITE_AVAILABLE,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'
import { TaskAggregate } from '../../03-first-aggregate/tasks.ts'
import { printError } from '../../03-first-aggregate/print-error.ts'

export default async function lifecycle(): Promise<void> {
  // #region not-connected
  const store = new InMemoryEventStore()
  console.log(`A new store: isConnected ${store.isConnected}`)
  try {
    await store.getGlobalPosition()
  } catch (error) {
    if (!(error instanceof NotConnectedError)) throw error
    printError('Used before initialize()', error)
  }
  // #endregion not-connected

  // #region open-close
  await store.initialize()
  await store.initialize() // safe to call again
  console.log(`initialize(), twice: isConnected ${store.isConnected}`)
  await store.close()
  await store.close() // safe to call again
  console.log(`close(), twice: isConnected ${store.isConnected}`)
  try {
    await store.getGlobalPosition()
  } catch (error) {
    if (!(error instanceof NotConnectedError)) throw error
    console.log(`Used after close(): ${error.name}`)
  }
  // #endregion open-close

  // #region await-using
  let used: InMemoryEventStore
  {
    await using scoped = new InMemoryEventStore()
    await scoped.initialize()
    used = scoped
  } // here `await using` calls scoped.close(), even after a throw
  console.log(`After its block: isConnected ${used.isConnected}`)
  // #endregion await-using

  // #region every-store
  /** A few steps of the contract, on any store; what each one gave. */
  async function tryContract(store: EventStore): Promise<string> {
    const task = new TaskAggregate('task-8')
    task.create('Same everywhere')
    task.assign('alice')
    const append = {
      aggregateId: 'task-8',
      aggregateType: 'Task',
      events: task.uncommittedEvents,
      expectedVersion: ExpectedVersion.NO_STREAM,
    }
    const { newVersion } = await store.appendEvents(append)
    const { skipped } = await store.appendEvents(append) // a retry
    task.markEventsAsCommitted()
    task.complete('alice')
    let conflict = 'none'
    try {
      await store.appendEvents({
        ...append,
        events: task.uncommittedEvents,
        expectedVersion: 1, // stale: the stream is at 2
      })
    } catch (error) {
      if (!(error instanceof OptimisticLockError)) throw error
      conflict = `at ${error.actualVersion}`
    }
    const newest: number[] = []
    for await (const stored of store.readAll({ direction: 'backward' }))
      newest.push(stored.globalPosition)
    return (
      `version ${newVersion}, retry skipped ${skipped}, ` +
      `conflict ${conflict}, backward ${newest.join(' ')}`
    )
  }

  const stores: EventStore[] = [new InMemoryEventStore()]
  if (SQLITE_AVAILABLE) stores.push(new SQLiteEventStore(':memory:'))
  else console.log('SQLiteEventStore: its driver is missing (lesson 12)')
  for (const each of stores) {
    await using store = each
    await store.initialize()
    const name = store.constructor.name
    console.log(`${name.padEnd(19)} ${await tryContract(store)}`)
  }
  // #endregion every-store
}
