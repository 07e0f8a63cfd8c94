/**
 * For the checkers: a store holding one new task. It imports nothing of
 * Node's, so the checks that use it run in a browser too.
 */
import { ExpectedVersion, InMemoryEventStore } from 'eventsource-ts'
import { TaskCreated } from '../03-first-aggregate/tasks.ts'

/** `store`, initialized, holding `taskId` just created: at version 1. */
export async function storeWithTask(
  taskId: string,
  store = new InMemoryEventStore(),
): Promise<InMemoryEventStore> {
  await store.initialize()
  await store.appendEvents({
    aggregateId: taskId,
    aggregateType: 'Task',
    events: [
      new TaskCreated({ aggregateId: taskId, title: 'Check', description: '' }),
    ],
    expectedVersion: ExpectedVersion.NO_STREAM,
  })
  return store
}
