/**
 * Exercise 06-2: a rebuild gives the same read model.
 *
 * A read model is never backed up: when it is lost, or its code changes, it
 * is rebuilt from the log. That is safe only if a rebuild gives exactly what
 * the live projection had. WorkloadProjection keeps, for each person, the
 * titles of the open tasks they hold. Its handlers for TaskCreated,
 * TaskAssigned and TaskCompleted are written. Write:
 *   - the TaskReassigned handler: the task moves to its new assignee;
 *   - the TaskReopened handler: the task is open again, for the person it
 *     is assigned to (who reopened it may be someone else);
 *   - reset(): empties the read model, as a new projection has it;
 *   - rebuild(projection, store): resets the projection, then feeds it the
 *     whole log, from its first event.
 *
 * Check your work with `npm run verify 06-2`. Stuck? `npm run hint 06-2`.
 */
import { Projection, type EventStore } from 'eventsource-ts'
import {
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
  TaskReassigned,
  TaskReopened,
} from '../../03-first-aggregate/tasks.ts'
import { todo } from '../../todo.ts'

/** Each person with open tasks: the titles of those tasks, sorted. */
export type Workload = Record<string, string[]>

export class WorkloadProjection extends Projection {
  readonly name = 'workload'
  /** What the handlers need to know of each task: its title and assignee. */
  readonly #tasks = new Map<string, { title: string; assignee?: string }>()
  /** The read model: each person's open tasks, by task id. */
  readonly #open = new Map<string, string[]>()

  constructor() {
    super()
    this.on(TaskCreated, ({ aggregateId, title }) => {
      this.#tasks.set(aggregateId, { title })
    })
    this.on(TaskAssigned, ({ aggregateId, assignee }) => {
      const task = this.#tasks.get(aggregateId)
      if (task === undefined) return // a task never created: nothing to do
      task.assignee = assignee
      this.#give(aggregateId, assignee)
    })
    this.on(TaskCompleted, ({ aggregateId }) => {
      const assignee = this.#tasks.get(aggregateId)?.assignee
      if (assignee !== undefined) this.#take(aggregateId, assignee)
    })
    this.on(
      TaskReassigned,
      ({ aggregateId, previousAssignee, newAssignee }) => {
        // TODO 1: take the task from previousAssignee, give it to newAssignee,
        //         and remember who holds it now.
        todo('the TaskReassigned handler')
      },
    )
    this.on(TaskReopened, ({ aggregateId }) => {
      // TODO 2: give the task back to its assignee, if it has one.
      todo('the TaskReopened handler')
    })
  }

  #give(taskId: string, person: string): void {
    this.#open.set(person, [...(this.#open.get(person) ?? []), taskId])
  }

  #take(taskId: string, person: string): void {
    const left = (this.#open.get(person) ?? []).filter((id) => id !== taskId)
    if (left.length > 0) this.#open.set(person, left)
    else this.#open.delete(person)
  }

  /** The read model, for a screen: each person's open tasks, by title. */
  workload(): Workload {
    const titleOf = (taskId: string) => this.#tasks.get(taskId)?.title ?? taskId
    return Object.fromEntries(
      [...this.#open].map(([person, ids]) => [person, ids.map(titleOf).sort()]),
    )
  }

  override reset(): void {
    // TODO 3: empty every field the handlers fill.
    todo('reset()')
  }
}

export async function rebuild(
  projection: Projection,
  store: EventStore,
): Promise<void> {
  // TODO 4: reset the projection, then hand it every event of the log,
  //         oldest first (store.readAll()).
  todo('rebuild()')
}
