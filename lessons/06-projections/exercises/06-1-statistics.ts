/**
 * Exercise 06-1: task statistics, a read model of counts.
 *
 * A manager's dashboard wants to know how the team is doing: how many tasks
 * there are, how many are completed and how many pending, how many each
 * person holds, and what part of all tasks is done. TaskStatistics is the
 * projection that keeps those numbers up to date from the task events.
 * Its fields and the TaskCreated handler are written; write the others, and
 * statistics(), which reads the numbers out:
 *   - a task counts as pending from its creation until it is completed, and
 *     again once it is reopened;
 *   - a task counts for the person it is assigned to now, pending or
 *     completed: a reassigned task moves from one person to the next, and
 *     a task never assigned counts as unassigned;
 *   - completionPercent is completed / total as a percentage, from 0 to
 *     100 and unrounded, and 0 when there is no task at all.
 *
 * Check your work with `npm run verify 06-1`. Stuck? `npm run hint 06-1`.
 */
import { Projection } from 'eventsource-ts'
import {
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
  TaskReassigned,
  TaskReopened,
} from '../../03-first-aggregate/tasks.ts'
import { todo } from '../../todo.ts'

export interface TaskStatistics {
  /** Every task created. */
  total: number
  completed: number
  pending: number
  /** Of every task, the part completed, from 0 to 100. */
  completionPercent: number
  /** How many tasks each person holds; a person with none is left out. */
  perAssignee: Record<string, number>
  /** The tasks never assigned to anyone. */
  unassigned: number
}

export class TaskStatisticsProjection extends Projection {
  readonly name = 'task-statistics'
  #total = 0
  #completed = 0
  #unassigned = 0
  readonly #perAssignee = new Map<string, number>()

  constructor() {
    super()
    this.on(TaskCreated, () => {
      this.#total += 1
      this.#unassigned += 1
    })
    this.on(TaskAssigned, (event) => {
      // TODO 1: the task is no longer unassigned: it counts for
      //         event.assignee now (#count() adds to a person's count).
      todo('the TaskAssigned handler')
    })
    this.on(TaskReassigned, (event) => {
      // TODO 2: the task moves from event.previousAssignee to
      //         event.newAssignee: it is still one task.
      todo('the TaskReassigned handler')
    })
    this.on(TaskCompleted, () => {
      // TODO 3: count one more completed task.
      todo('the TaskCompleted handler')
    })
    this.on(TaskReopened, () => {
      // TODO 4: a reopened task is pending again.
      todo('the TaskReopened handler')
    })
  }

  /** Adds `change` to the count of `person`; a count of 0 is left out. */
  #count(person: string, change: number): void {
    const count = (this.#perAssignee.get(person) ?? 0) + change
    if (count === 0) this.#perAssignee.delete(person)
    else this.#perAssignee.set(person, count)
  }

  statistics(): TaskStatistics {
    // TODO 5: return the numbers. pending is what is not completed;
    //         completionPercent needs a case of its own for no task at all.
    //         Object.fromEntries() turns the Map into a plain object.
    todo('statistics()')
  }

  override reset(): void {
    this.#total = 0
    this.#completed = 0
    this.#unassigned = 0
    this.#perAssignee.clear()
  }
}
