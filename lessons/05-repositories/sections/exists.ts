/**
 * exists() asks whether a task is stored, without loading it; loadOrCreate()
 * loads a stored task or gives a new one, where load() would throw.
 */
import { InMemoryEventStore } from 'eventsource-ts'
import { taskRepository } from '../task-repository.ts'

export default async function exists(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  const tasks = taskRepository(store)
  const first = tasks.createNew('task-1')
  first.create('Learn repositories', 'Lesson 5')
  await tasks.save(first)

  // #region exists
  for (const taskId of ['task-1', 'task-2'])
    console.log(`exists('${taskId}'): ${await tasks.exists(taskId)}`)
  // #endregion exists

  // #region load-or-create
  // A stored task comes back as load() gives it...
  const stored = await tasks.loadOrCreate('task-1')
  console.log(
    `loadOrCreate('task-1'): version ${stored.version}, ` +
      `"${stored.state.title}"`,
  )
  // ...and an id with no events gives a new task, at version 0.
  const fresh = await tasks.loadOrCreate('task-2')
  console.log(
    `loadOrCreate('task-2'): version ${fresh.version}, ` +
      'a new task, not stored yet',
  )
  fresh.create('Write the summary')
  await tasks.save(fresh)
  console.log(
    `Created and saved: exists('task-2') ${await tasks.exists('task-2')}`,
  )
  // #endregion load-or-create
}
