/**
 * Idempotent retries: an append sent again after it had succeeded writes
 * nothing, because the store knows its events by their ids.
 */
import { randomUUID } from 'node:crypto'
import { ExpectedVersion, InMemoryEventStore } from 'eventsource-ts'
import { TaskAggregate, TaskCreated } from '../../03-first-aggregate/tasks.ts'
import { tryAppend } from '../append-one.ts'

export default async function idempotency(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()

  // #region retry
  const task = new TaskAggregate('task-7')
  task.create('Retry safely')
  const append = {
    aggregateId: 'task-7',
    aggregateType: 'Task',
    events: task.uncommittedEvents,
    expectedVersion: ExpectedVersion.NO_STREAM,
  }
  const first = await store.appendEvents(append)
  console.log(
    `First append:      newVersion ${first.newVersion}, ` +
      `skipped ${first.skipped}`,
  )
  // Its reply is lost on the way back, say: the caller cannot tell whether
  // it was written, so it sends the same append again.
  const again = await store.appendEvents(append)
  console.log(
    `The same, again:   newVersion ${again.newVersion}, ` +
      `skipped ${again.skipped}: nothing written`,
  )
  console.log(`getGlobalPosition(): ${await store.getGlobalPosition()}`)
  // #endregion retry

  // #region event-exists
  const [created] = task.uncommittedEvents
  const stored = await store.eventExists(created!.eventId)
  const other = await store.eventExists(randomUUID())
  console.log(`eventExists: the TaskCreated ${stored}, a new id ${other}`)
  // #endregion event-exists

  // #region new-ids
  // The same event built again gets a new eventId: to the store, it is
  // another event. Its expected version stops it...
  const copy = new TaskCreated({
    aggregateId: 'task-7',
    title: 'Retry safely',
    description: '',
  })
  const { NO_STREAM, ANY } = ExpectedVersion
  await tryAppend(store, 'Built again, NO_STREAM:', copy, NO_STREAM)
  // ...but with ANY nothing does, and the task is created twice.
  await tryAppend(store, 'Built again, ANY:', copy, ANY)
  // #endregion new-ids
}
