/**
 * After a conflict: saving the stale task again fails again. Reload it and
 * run the command again; the rules then decide on the task as it is now.
 */
import { InMemoryEventStore, OptimisticLockError } from 'eventsource-ts'
import { printError } from '../../03-first-aggregate/print-error.ts'
import { TaskRuleError } from '../../03-first-aggregate/tasks.ts'
import { taskRepository } from '../task-repository.ts'

export default async function retry(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  const tasks = taskRepository(store)
  const created = tasks.createNew('task-1')
  created.create('Learn repositories', 'Lesson 5')
  created.assign('alice')
  await tasks.save(created)
  // The conflict of the last section: writer 2 loaded the task at version
  // 2, and writer 1 saved version 3 before writer 2's complete() was saved.
  const stale = await tasks.load('task-1')
  const winner = await tasks.load('task-1')
  winner.reassign('bob')
  await tasks.save(winner)
  stale.complete('alice')
  await tasks.save(stale).catch((error: unknown) => {
    if (!(error instanceof OptimisticLockError)) throw error
  })
  const expected = stale.version - stale.uncommittedEvents.length
  const actual = await store.getStreamVersion('task-1', 'Task')
  console.log(
    `Writer 2's save() conflicted: its task expects version ${expected}, ` +
      `the stream is at ${actual}`,
  )
  // Writer 3 loads the task now, at version 3.
  const late = await tasks.load('task-1')

  // #region save-again
  // The same task asks the store for the same version, every time.
  try {
    await tasks.save(stale)
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error
    console.log(
      `save() again: ${error.name} again, expected ` +
        `${error.expectedVersion}, actual ${error.actualVersion}`,
    )
  }
  // #endregion save-again

  // #region reload
  // Reload, and run the command again on the task as it is now.
  const fresh = await tasks.load('task-1')
  const loadedAt = fresh.version
  fresh.complete('alice')
  await tasks.save(fresh)
  const { assignee, completedBy } = fresh.state
  console.log(
    `Reloaded at version ${loadedAt}, complete('alice') again, save(): ` +
      `version ${fresh.version}`,
  )
  console.log(
    `Both changes are kept: assigned to ${assignee}, ` +
      `completed by ${completedBy}`,
  )
  // #endregion reload

  // #region decide-again
  // Writer 3 loaded the task at version 3, before writer 2's retry was
  // saved, to reassign it to carol. Its save conflicts in turn; reloaded,
  // the task is completed, and the rules refuse what they allowed at 3.
  late.reassign('carol')
  try {
    await tasks.save(late)
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error
    console.log(`Writer 3: reassign('carol'), save(): ${error.name}`)
    const reloaded = await tasks.load('task-1')
    try {
      reloaded.reassign('carol')
    } catch (refusal) {
      if (!(refusal instanceof TaskRuleError)) throw refusal
      printError(
        `Reloaded at version ${reloaded.version}, reassign('carol')`,
        refusal,
      )
    }
  }
  // #endregion decide-again
}
