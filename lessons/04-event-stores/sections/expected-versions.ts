/**
 * The four kinds of expected version, each appended where it is met and
 * where it is not.
 */
import { ExpectedVersion, InMemoryEventStore } from 'eventsource-ts'
import {
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
  TaskReassigned,
  TaskReopened,
} from '../../03-first-aggregate/tasks.ts'
import { tryAppend } from '../append-one.ts'

export default async function expectedVersions(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  const aggregateId = 'task-3'
  const created = () =>
    new TaskCreated({ aggregateId, title: 'Try them', description: '' })

  // #region no-stream
  // NO_STREAM (0): the stream must not exist. For the event that creates an
  // aggregate: of two requests to create task-3, one wins.
  const { NO_STREAM, STREAM_EXISTS, ANY } = ExpectedVersion
  await tryAppend(store, 'NO_STREAM, a new task-3:', created(), NO_STREAM)
  await tryAppend(store, 'NO_STREAM, task-3 again:', created(), NO_STREAM)
  // #endregion no-stream

  // #region stream-exists
  // STREAM_EXISTS (-2): the stream must hold at least one event. For a
  // change to something that must exist, at whatever version it is.
  const assign = new TaskAssigned({ aggregateId, assignee: 'alice' })
  const ghost = new TaskAssigned({ aggregateId: 'task-404', assignee: 'bob' })
  await tryAppend(store, 'STREAM_EXISTS, task-404:', ghost, STREAM_EXISTS)
  await tryAppend(store, 'STREAM_EXISTS, task-3:', assign, STREAM_EXISTS)
  // #endregion stream-exists

  // #region exact
  // An exact version: the stream must be at exactly that version. For a
  // decision taken on what you read: "I saw task-3 at version 2".
  const done = new TaskCompleted({ aggregateId, completedBy: 'alice' })
  const reopen = new TaskReopened({ aggregateId, reopenedBy: 'bob' })
  await tryAppend(store, 'exactly 2, task-3 at 2:', done, 2)
  await tryAppend(store, 'exactly 2, task-3 now at 3:', reopen, 2)
  // #endregion exact

  // #region any
  // ANY (-1): no check at all. The store checks versions, not rules, so it
  // writes even what TaskAggregate would refuse: a completed task
  // reassigned.
  const reassign = new TaskReassigned({
    aggregateId,
    previousAssignee: 'alice',
    newAssignee: 'carol',
  })
  await tryAppend(store, 'ANY, task-3 at 3:', reassign, ANY)
  const { events } = await store.getEvents(aggregateId, 'Task')
  console.log(`task-3: ${events.map((event) => event.eventType).join(', ')}`)
  // #endregion any
}
