/**
 * Appending: a task's events go into its stream, each append naming the
 * version it expects the stream to be at.
 */
import { ExpectedVersion, InMemoryEventStore } from 'eventsource-ts'
import { TaskAggregate } from '../../03-first-aggregate/tasks.ts'

export default async function append(): Promise<void> {
  // #region store
  // `await using` closes the store when this function ends, even on a throw.
  await using store = new InMemoryEventStore()
  await store.initialize()
  // #endregion store

  // #region first-append
  // Lesson 3's aggregate decides; its new events wait to be stored.
  const task = new TaskAggregate('task-1')
  task.create('Write lesson 4', 'Event stores')
  task.assign('alice')

  const first = await store.appendEvents({
    aggregateId: 'task-1',
    aggregateType: 'Task',
    events: task.uncommittedEvents,
    expectedVersion: ExpectedVersion.NO_STREAM, // a new task: no stream yet
  })
  task.markEventsAsCommitted() // stored: nothing is left to save
  console.log(
    `Appended 2 events to a new stream: newVersion ${first.newVersion}, ` +
      `globalPosition ${first.globalPosition}, skipped ${first.skipped}`,
  )
  // #endregion first-append

  // #region next-append
  // The next append expects the stream where this task left it, at 2.
  task.complete('alice')
  const next = await store.appendEvents({
    aggregateId: 'task-1',
    aggregateType: 'Task',
    events: task.uncommittedEvents,
    expectedVersion: 2,
  })
  task.markEventsAsCommitted()
  console.log(
    `Appended 1 more, expecting version 2: newVersion ${next.newVersion}, ` +
      `globalPosition ${next.globalPosition}`,
  )
  // #endregion next-append

  // #region another-stream
  // Another task is another stream, with versions of its own; the global
  // position goes on counting every event in the store.
  const other = new TaskAggregate('task-2')
  other.create('Review lesson 4')
  const second = await store.appendEvents({
    aggregateId: 'task-2',
    aggregateType: 'Task',
    events: other.uncommittedEvents,
    expectedVersion: ExpectedVersion.NO_STREAM,
  })
  console.log(
    `task-2's first event: newVersion ${second.newVersion}, ` +
      `globalPosition ${second.globalPosition}`,
  )
  // #endregion another-stream
}
