/**
 * Exercise 05-3: make sure a task exists, however often you ask.
 *
 * ensureTask(repository, taskId, title) is for a request that may come
 * twice (a user who clicks twice, a message delivered again): the first
 * time it creates the task with that title and saves it; every later time
 * it finds the task stored, and leaves it as it is, whatever its title or
 * its history. It never fails for a task that exists. It returns the task
 * and whether this call created it.
 *
 * Check your work with `npm run verify 05-3`. Stuck? `npm run hint 05-3`.
 */
import type { AggregateRepository } from 'eventsource-ts'
import type { TaskAggregate } from '../../03-first-aggregate/tasks.ts'
import { todo } from '../../todo.ts'

export interface Ensured {
  task: TaskAggregate
  /** True when this call created the task; false when it was stored. */
  created: boolean
}

export async function ensureTask(
  repository: AggregateRepository<TaskAggregate>,
  taskId: string,
  title: string,
): Promise<Ensured> {
  // TODO 1: get the stored task, or a new one when there is none, in one
  //         call of the repository.
  // TODO 2: a new task is at version 0: create it and save it. Leave a
  //         stored task as it is.
  todo('ensureTask()')
}
