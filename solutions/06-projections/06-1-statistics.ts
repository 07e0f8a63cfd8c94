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
} from '../../lessons/03-first-aggregate/tasks.ts'

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
    // #region handlers
    this.on(TaskAssigned, (event) => {
      // #todo the TaskAssigned handler
      // TODO 1: the task is no longer unassigned: it counts for
      //         event.assignee now (#count() adds to a person's count).
      // #answer
      this.#unassigned -= 1
      this.#count(event.assignee, +1)
      // #endtodo
    })
    this.on(TaskReassigned, (event) => {
      // #todo the TaskReassigned handler
      // TODO 2: the task moves from event.previousAssignee to
      //         event.newAssignee: it is still one task.
      // #answer
      this.#count(event.previousAssignee, -1)
      this.#count(event.newAssignee, +1)
      // #endtodo
    })
    this.on(TaskCompleted, () => {
      // #todo the TaskCompleted handler
      // TODO 3: count one more completed task.
      // #answer
      this.#completed += 1
      // #endtodo
    })
    this.on(TaskReopened, () => {
      // #todo the TaskReopened handler
      // TODO 4: a reopened task is pending again.
      // #answer
      this.#completed -= 1
      // #endtodo
    })
    // #endregion handlers
  }

  /** Adds `change` to the count of `person`; a count of 0 is left out. */
  #count(person: string, change: number): void {
    const count = (this.#perAssignee.get(person) ?? 0) + change
    if (count === 0) this.#perAssignee.delete(person)
    else this.#perAssignee.set(person, count)
  }

  // #region statistics
  statistics(): TaskStatistics {
    // #todo statistics()
    // TODO 5: return the numbers. pending is what is not completed;
    //         completionPercent needs a case of its own for no task at all.
    //         Object.fromEntries() turns the Map into a plain object.
    // #answer
    const total = this.#total
    const completed = this.#completed
    return {
      total,
      completed,
      pending: total - completed,
      completionPercent: total === 0 ? 0 : (completed / total) * 100,
      perAssignee: Object.fromEntries(this.#perAssignee),
      unassigned: this.#unassigned,
    }
    // #endtodo
  }
  // #endregion statistics

  override reset(): void {
    this.#total = 0
    this.#completed = 0
    this.#unassigned = 0
    this.#perAssignee.clear()
  }
}
