/**
 * The cycle every change to a stored task goes through: load it, run the
 * commands, save it. A change that is not saved is lost.
 */
import { InMemoryEventStore } from 'eventsource-ts'
import { taskRepository } from '../task-repository.ts'

export default async function loadModifySave(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  const tasks = taskRepository(store)
  const created = tasks.createNew('task-1')
  created.create('Learn repositories', 'Lesson 5')
  created.assign('alice')
  await tasks.save(created)

  // #region cycle
  // 1. Load: the task as stored now, rebuilt from its events.
  const task = await tasks.load('task-1')
  console.log(
    `load(): version ${task.version}, assigned to ${task.state.assignee}`,
  )

  // 2. Modify: the commands check the rules, and raise events.
  task.reassign('bob')
  task.complete('bob')
  const pending = task.uncommittedEvents.length
  console.log(
    `reassign('bob'), complete('bob'): version ${task.version}, ` +
      `${pending} uncommitted`,
  )

  // 3. Save: both events in one append, which expects the stream still at
  // the version the task was loaded at: 4 - 2.
  const expected = task.version - pending
  await tasks.save(task)
  console.log(
    `save(): one append, expecting version ${expected}; now version ` +
      `${task.version}, ${task.uncommittedEvents.length} uncommitted`,
  )
  // #endregion cycle

  // #region stored
  const stream = await store.getEvents('task-1', 'Task')
  console.log(`The stream in the store, version ${stream.version}:`)
  for (const event of stream.events)
    console.log(`  v${event.aggregateVersion} ${event.eventType}`)
  // #endregion stored

  // #region unsaved
  const forgotten = await tasks.load('task-1')
  forgotten.reopen('carol') // and no save()
  const reloaded = await tasks.load('task-1')
  console.log(
    'reopen() without save(): a reload is still ' +
      `${reloaded.state.status}, at version ${reloaded.version}`,
  )
  // #endregion unsaved
}
