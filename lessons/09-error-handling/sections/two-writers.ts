/**
 * Two requests change one task at the same moment, really concurrently:
 * both load it at version 2, and the second save conflicts. The same two
 * requests again, with a retry that waits, reloads and runs the command
 * again: both changes are kept.
 */
import {
  InMemoryEventStore,
  isEventSourceError,
  OptimisticLockError,
  type AggregateRepository,
} from 'eventsource-ts'
import type { TaskAggregate } from '../../03-first-aggregate/tasks.ts'
import { listEvents } from '../../04-event-stores/task-history.ts'
import { taskRepository } from '../../05-repositories/task-repository.ts'

type Tasks = AggregateRepository<TaskAggregate>
type TaskCommand = (task: TaskAggregate) => void

// #region request
/** A request: load the task, run one command on it, save it. */
async function request(tasks: Tasks, who: string, command: TaskCommand) {
  const task = await tasks.load('task-1')
  console.log(`${who}: loaded version ${task.version}`)
  command(task)
  await tasks.save(task)
  console.log(`${who}: saved version ${task.version}`)
}
// #endregion request

// #region retry
/** Waits `ms` milliseconds. */
const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The same request, with one retry: after a conflict it waits a moment,
 * then loads the task again and runs the command on it as it is now.
 */
async function requestWithRetry(
  tasks: Tasks,
  who: string,
  command: TaskCommand,
) {
  try {
    await request(tasks, who, command)
  } catch (error) {
    if (!isEventSourceError(error, OptimisticLockError)) throw error
    const { expectedVersion, actualVersion } = error
    console.log(
      `${who}: conflict, expected ${expectedVersion}, stream at ` +
        `${actualVersion}; waits 10 ms`,
    )
    await sleep(10)
    await request(tasks, who, command)
  }
}
// #endregion retry

/** A new store holding task-1, assigned to alice, at version 2. */
async function storeWithTask(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore()
  await store.initialize()
  const tasks = taskRepository(store)
  const task = tasks.createNew('task-1')
  task.create('Answer the customer', 'Lesson 9')
  task.assign('alice')
  await tasks.save(task)
  return store
}

export default async function twoWriters(): Promise<void> {
  {
    await using store = await storeWithTask()
    const tasks = taskRepository(store)
    // #region race
    // Two requests at once, neither waiting for the other: the manager
    // gives the task to bob as alice, who has finished it, completes it.
    const outcomes = await Promise.allSettled([
      request(tasks, 'manager', (task) => task.reassign('bob')),
      request(tasks, 'alice', (task) => task.complete('alice')),
    ])
    for (const outcome of outcomes)
      if (outcome.status === 'rejected') {
        const error: unknown = outcome.reason
        if (!isEventSourceError(error, OptimisticLockError)) throw error
        const { expectedVersion, actualVersion } = error
        console.log(
          `alice: ${error.name}, expected ${expectedVersion}, ` +
            `the stream is at ${actualVersion}`,
        )
      }
    const { events } = await store.getEvents('task-1', 'Task')
    console.log(`The store holds ${listEvents(events)}`)
    // #endregion race
  }
  {
    await using store = await storeWithTask()
    const tasks = taskRepository(store)
    // #region both-kept
    console.log('The same two requests, each with a retry:')
    await Promise.all([
      requestWithRetry(tasks, 'manager', (task) => task.reassign('bob')),
      requestWithRetry(tasks, 'alice', (task) => task.complete('alice')),
    ])
    const task = await tasks.load('task-1')
    const { assignee, completedBy } = task.state
    console.log(
      `Both changes kept: assigned to ${assignee}, ` +
        `completed by ${completedBy}, version ${task.version}`,
    )
    // #endregion both-kept
  }
}
