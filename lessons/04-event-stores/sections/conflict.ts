/**
 * Two writers read one task at the same version and both decide to change
 * it: the first append wins, the second gets an OptimisticLockError.
 */
import {
  ExpectedVersion,
  InMemoryEventStore,
  OptimisticLockError,
} from 'eventsource-ts'
import { TaskAggregate, TaskRuleError } from '../../03-first-aggregate/tasks.ts'
import { printError } from '../../03-first-aggregate/print-error.ts'

export default async function conflict(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  const start = new TaskAggregate('task-5')
  start.create('Fix the login page')
  start.assign('alice')
  start.reassign('bob')
  await store.appendEvents({
    aggregateId: 'task-5',
    aggregateType: 'Task',
    events: start.uncommittedEvents,
    expectedVersion: ExpectedVersion.NO_STREAM,
  })

  // #region read
  /** Reads task-5 and replays it, as a repository loads it (lesson 5). */
  async function read(): Promise<TaskAggregate> {
    const { events } = await store.getEvents('task-5', 'Task')
    const task = new TaskAggregate('task-5')
    task.loadFromHistory(events)
    return task
  }
  /** Appends what `task` decided, expecting the version it was read at. */
  async function save(task: TaskAggregate, readAt: number): Promise<void> {
    await store.appendEvents({
      aggregateId: task.aggregateId,
      aggregateType: 'Task',
      events: task.uncommittedEvents,
      expectedVersion: readAt,
    })
  }

  const bobsTask = await read()
  const alicesTask = await read()
  console.log(
    `Bob and Alice both read task-5 at version ${bobsTask.version}: ` +
      `${alicesTask.state.status}, assigned to ${alicesTask.state.assignee}`,
  )
  // #endregion read

  // #region first-wins
  // Bob completes it, and saves first.
  bobsTask.complete('bob')
  await save(bobsTask, 3)
  console.log('Bob completes it, expecting version 3: written as version 4')
  // #endregion first-wins

  // #region second-fails
  // Alice decided on what she read: an open task, which she reassigns.
  alicesTask.reassign('carol')
  try {
    await save(alicesTask, 3)
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error
    printError('Alice reassigns it, expecting version 3', error)
    const { aggregateId, aggregateType, expectedVersion, actualVersion } = error
    console.log(
      `  aggregateId ${aggregateId}, aggregateType ${aggregateType}, ` +
        `expectedVersion ${expectedVersion}, actualVersion ${actualVersion}`,
    )
  }
  // #endregion second-fails

  // #region decide-again
  // Alice reads the task again and decides again, on what it is now.
  const now = await read()
  console.log(
    `Read again: version ${now.version}, ${now.state.status} by ` +
      `${now.state.completedBy}`,
  )
  try {
    now.reassign('carol')
  } catch (error) {
    if (!(error instanceof TaskRuleError)) throw error
    printError('reassign() again', error)
  }
  // #endregion decide-again
}
