/**
 * Two writers load the same task at the same version. The first to save
 * wins; the second save is refused, and nothing of it is written.
 */
import { InMemoryEventStore, OptimisticLockError } from 'eventsource-ts'
import { printError } from '../../03-first-aggregate/print-error.ts'
import { listEvents } from '../../04-event-stores/task-history.ts'
import { taskRepository } from '../task-repository.ts'

export default async function conflict(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  const tasks = taskRepository(store)
  const created = tasks.createNew('task-1')
  created.create('Learn repositories', 'Lesson 5')
  created.assign('alice')
  await tasks.save(created)

  // #region two-writers
  // Two requests, say two browser tabs, load the task at the same time.
  const first = await tasks.load('task-1')
  const second = await tasks.load('task-1')
  console.log(`Both writers loaded task-1 at version ${first.version}`)

  first.reassign('bob')
  await tasks.save(first)
  console.log(`Writer 1: reassign('bob'), save(): version ${first.version}`)

  second.complete('alice')
  try {
    await tasks.save(second) // expects version 2: the stream is at 3
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error
    printError("Writer 2: complete('alice'), save()", error)
  }
  // #endregion two-writers

  // #region after
  const stream = await store.getEvents('task-1', 'Task')
  console.log(`The store holds ${listEvents(stream.events)}`)
  console.log(
    `Writer 2's task still holds ${listEvents(second.uncommittedEvents)}, ` +
      'uncommitted',
  )
  // #endregion after
}
