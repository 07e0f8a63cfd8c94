/**
 * The repository's three basic calls: createNew() for a task that is not
 * stored yet, save() for its new events, load() to rebuild it by its id.
 */
import { isDeepStrictEqual } from 'node:util'
import { AggregateNotFoundError, InMemoryEventStore } from 'eventsource-ts'
import { printError } from '../../03-first-aggregate/print-error.ts'
import { taskRepository } from '../task-repository.ts'

export default async function createSaveLoad(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  const tasks = taskRepository(store)

  // #region create-new
  // createNew() constructs the aggregate, and stores nothing.
  const task = tasks.createNew('task-1')
  const stored = () => store.getStreamVersion('task-1', 'Task')
  console.log(
    `createNew(): version ${task.version}; ` +
      `the store's stream is at version ${await stored()}`,
  )
  task.create('Learn repositories', 'Lesson 5')
  task.assign('alice')
  console.log(
    `create(), assign(): version ${task.version}, ` +
      `${task.uncommittedEvents.length} uncommitted; ` +
      `the store is still at ${await stored()}`,
  )
  // #endregion create-new

  // #region save
  await tasks.save(task)
  console.log(
    `save(): the store is at version ${await stored()}; ` +
      `the task has ${task.uncommittedEvents.length} uncommitted`,
  )
  // Nothing new to save: save() returns without asking the store.
  await tasks.save(task)
  console.log(
    'save() again, no change: nothing written; ' +
      `the log still ends at position ${await store.getGlobalPosition()}`,
  )
  // #endregion save

  // #region load
  // load() needs only the id: it reads the stream and replays it.
  const loaded = await tasks.load('task-1')
  const { title, assignee } = loaded.state
  console.log(
    `load('task-1'): version ${loaded.version}, "${title}", ` +
      `assigned to ${assignee}`,
  )
  const same = isDeepStrictEqual(loaded.state, task.state)
  console.log(
    `A new object (${loaded !== task}), with the same state (${same}) ` +
      `and ${loaded.uncommittedEvents.length} uncommitted`,
  )
  // #endregion load

  // #region not-found
  try {
    await tasks.load('task-404')
  } catch (error) {
    if (!(error instanceof AggregateNotFoundError)) throw error
    printError("load('task-404')", error)
  }
  // #endregion not-found
}
