/** For the checkers: a stored task, what an answer gave, counts in words. */
import { InMemoryEventStore } from 'eventsource-ts'
import { taskRepository } from '../05-repositories/task-repository.ts'

/** A new store holding task-1, assigned to alice (version 2). */
export async function storeWithTask(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore()
  await store.initialize()
  const tasks = taskRepository(store)
  const task = tasks.createNew('task-1')
  task.create('Check the exercise')
  task.assign('alice')
  await tasks.save(task)
  return store
}

/** What a promise gave: its value, or what it threw. */
export async function outcome<T>(
  promise: Promise<T>,
): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await promise }
  } catch (error) {
    return { error }
  }
}

/** "once", "twice", "3 times". */
export const times = (n: number): string =>
  n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`
