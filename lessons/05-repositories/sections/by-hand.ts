/**
 * What a repository does for you, done by hand first: read a stream and
 * replay it; append the new events, expecting the version they were
 * raised on; mark them committed. Then the same with a repository.
 */
import { InMemoryEventStore, type EventStore } from 'eventsource-ts'
import { TaskAggregate } from '../../03-first-aggregate/tasks.ts'
import { taskRepository } from '../task-repository.ts'

// #region load-by-hand
async function loadByHand(
  store: EventStore,
  taskId: string,
): Promise<TaskAggregate> {
  const stream = await store.getEvents(taskId, 'Task')
  if (stream.version === 0) throw new Error(`No task ${taskId}`)
  const task = new TaskAggregate(taskId)
  task.loadFromHistory(stream.events)
  return task
}
// #endregion load-by-hand

// #region save-by-hand
async function saveByHand(
  store: EventStore,
  task: TaskAggregate,
): Promise<void> {
  const events = task.uncommittedEvents
  if (events.length === 0) return
  // The version the task had before these events: the store refuses the
  // append if the stream has moved on from it since.
  const expectedVersion = task.version - events.length
  await store.appendEvents({
    aggregateId: task.aggregateId,
    aggregateType: 'Task',
    events,
    expectedVersion,
  })
  task.markEventsAsCommitted()
  console.log(
    `  appended ${events.length} events, expecting version ` +
      `${expectedVersion}`,
  )
}
// #endregion save-by-hand

export default async function byHand(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()

  // #region by-hand
  const task = new TaskAggregate('task-1')
  task.create('Learn repositories', 'Lesson 5')
  task.assign('alice')
  console.log('By hand: a new task, created and assigned')
  await saveByHand(store, task)

  const loaded = await loadByHand(store, 'task-1')
  console.log(`By hand: loaded at version ${loaded.version}`)
  loaded.reassign('bob')
  loaded.complete('bob')
  await saveByHand(store, loaded)
  // #endregion by-hand

  // #region with-repository
  const tasks = taskRepository(store)
  const again = await tasks.load('task-1')
  again.reopen('bob')
  await tasks.save(again)
  console.log(
    `With a repository: load(), reopen(), save(): version ${again.version}`,
  )
  // #endregion with-repository
}
