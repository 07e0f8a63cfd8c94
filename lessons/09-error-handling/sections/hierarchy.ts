/**
 * The error hierarchy: one real failure of each kind, caught, with its name
 * and code; isEventSourceError to tell the library's errors apart, and to
 * narrow one; and nothing written by any of them.
 */
import {
  InMemoryEventStore,
  isEventSourceError,
  OptimisticLockError,
} from 'eventsource-ts'
import { TaskCompleted } from '../../03-first-aggregate/tasks.ts'
import { taskRepository } from '../../05-repositories/task-repository.ts'

export default async function hierarchy(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  const tasks = taskRepository(store)
  const task = tasks.createNew('task-1')
  task.create('Handle errors', 'Lesson 9')
  task.assign('alice')
  await tasks.save(task)
  const stale = await tasks.load('task-1') // another writer moves on next
  const done = await tasks.load('task-1')
  done.complete('alice')
  await tasks.save(done)
  const before = await store.getGlobalPosition()

  // #region catalogue
  // Eight things that go wrong, each caught and named as it is thrown.
  const failures: Record<string, () => unknown> = {
    "load('task-404')": () => tasks.load('task-404'),
    'save() of a stale task': () => {
      stale.reassign('bob')
      return tasks.save(stale)
    },
    "assign(''), to no one": () => {
      const unassigned = tasks.createNew('task-2')
      unassigned.create('Give it to someone')
      unassigned.assign('')
    },
    'an event out of order': () =>
      done.applyEvent(
        new TaskCompleted({
          aggregateId: 'task-1',
          aggregateVersion: 7,
          completedBy: 'alice',
        }),
      ),
    "load(''), no id": () => tasks.load(''),
    'a store not initialized': () =>
      new InMemoryEventStore().getGlobalPosition(),
    'complete() of a done task': () => done.complete('bob'),
    'a bug in our own code': () =>
      // A new task's assignee is null: the ! is wrong.
      tasks.createNew('task-3').state.assignee!.toUpperCase(),
  }
  for (const [what, fail] of Object.entries(failures)) {
    try {
      await fail()
    } catch (error) {
      if (!(error instanceof Error)) throw error
      const code = isEventSourceError(error) ? error.code : "not the library's"
      console.log(`${what.padEnd(26)} ${error.name.padEnd(23)} ${code}`)
    }
  }
  // #endregion catalogue

  // #region nothing-written
  const after = await store.getGlobalPosition()
  console.log(
    `The log is at position ${after}, as before (${before}): ` +
      'no failure wrote anything',
  )
  // #endregion nothing-written

  // #region narrow
  // isEventSourceError(error, Kind) narrows: the conflict's fields are typed.
  try {
    await tasks.save(stale)
  } catch (error) {
    if (!isEventSourceError(error, OptimisticLockError)) throw error
    const { code, expectedVersion, actualVersion } = error
    console.log(
      `${code}: expected version ${expectedVersion}, ` +
        `the stream is at ${actualVersion}`,
    )
  }
  // #endregion narrow
}
