/**
 * For the checkers: histories written short, as the steps of history.ts,
 * and projections fed them as the lesson feeds its own.
 */
import type {
  EventSubscriber,
  InMemoryEventStore,
  Projection,
} from 'eventsource-ts'
import { feed } from './feed.ts'
import { taskRepository } from '../05-repositories/task-repository.ts'
import { play, storeWith, type Step } from './history.ts'

export const create = (taskId: string, title = `Title of ${taskId}`): Step => ({
  taskId,
  run: (task) => task.create(title),
})
export const assign = (taskId: string, person: string): Step => ({
  taskId,
  run: (task) => task.assign(person),
})
export const reassign = (taskId: string, person: string): Step => ({
  taskId,
  run: (task) => task.reassign(person),
})
export const complete = (taskId: string, person: string): Step => ({
  taskId,
  run: (task) => task.complete(person),
})
export const reopen = (taskId: string, person: string): Step => ({
  taskId,
  run: (task) => task.reopen(person),
})

/** `projection`, fed the whole log of a new store holding `steps`. */
export async function fedFromLog<P extends EventSubscriber>(
  projection: P,
  steps: readonly Step[],
): Promise<{ projection: P; store: InMemoryEventStore }> {
  const store = await storeWith(steps)
  await feed(projection, store)
  return { projection, store }
}

/** `projection`, built live: fed the new events after each step is saved. */
export async function fedLive<P extends EventSubscriber>(
  projection: P,
  steps: readonly Step[],
): Promise<{ projection: P; store: InMemoryEventStore }> {
  const store = await storeWith([])
  const tasks = taskRepository(store)
  let position = 0
  for (const step of steps) {
    await play(tasks, step)
    position = await feed(projection, store, position)
  }
  return { projection, store }
}

/** `projection.reset()`, awaited: an answer may make it async. */
export async function reset(projection: Projection): Promise<void> {
  await projection.reset()
}
