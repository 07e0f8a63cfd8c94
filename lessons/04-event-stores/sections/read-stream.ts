/**
 * Reading one stream back: all its events, the events after a version, its
 * version alone, and a stream that does not exist.
 */
import { ExpectedVersion, InMemoryEventStore } from 'eventsource-ts'
import { TaskAggregate } from '../../03-first-aggregate/tasks.ts'

export default async function readStream(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  const written = new TaskAggregate('task-6')
  written.create('Read a stream back')
  written.assign('alice')
  written.complete('alice')
  written.reopen('bob')
  await store.appendEvents({
    aggregateId: 'task-6',
    aggregateType: 'Task',
    events: written.uncommittedEvents,
    expectedVersion: ExpectedVersion.NO_STREAM,
  })

  // #region get-events
  const stream = await store.getEvents('task-6', 'Task')
  console.log(
    `${stream.aggregateType} ${stream.aggregateId}: version ` +
      `${stream.version}, ${stream.events.length} events`,
  )
  for (const event of stream.events)
    console.log(`  v${event.aggregateVersion} ${event.eventType}`)
  // #endregion get-events

  // #region replay
  // What a repository does on load (lesson 5): replay the stream's events.
  const task = new TaskAggregate('task-6')
  task.loadFromHistory(stream.events)
  console.log(`Replayed: version ${task.version}, ${task.state.status}`)
  // #endregion replay

  // #region from-version
  // fromVersion: only the events after that version, as a reader who has
  // seen the stream up to version 2 asks "what happened since?".
  const since = await store.getEvents('task-6', 'Task', { fromVersion: 2 })
  const types = since.events.map((event) => event.eventType)
  console.log(
    `After version 2: ${types.join(', ')} (the stream is at ${since.version})`,
  )
  // #endregion from-version

  // #region stream-version
  // The version alone, without reading the events.
  const version = await store.getStreamVersion('task-6', 'Task')
  console.log(`getStreamVersion('task-6', 'Task'): ${version}`)
  // #endregion stream-version

  // #region missing
  // A stream is an id and a type: another type, or an id never written,
  // is a stream with no events, at version 0. It is no error.
  const missing = await store.getEvents('task-6', 'Project')
  const unknown = await store.getStreamVersion('task-404', 'Task')
  console.log(
    `Project task-6: ${missing.events.length} events, version ` +
      `${missing.version}; Task task-404: version ${unknown}`,
  )
  // #endregion missing
}
