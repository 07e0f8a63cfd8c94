/**
 * The lesson's first read model: a board with a card for each task. It is a
 * Projection: a handler for each task event, registered in the constructor,
 * and queries shaped for the screen that shows it.
 */
import { Projection } from 'eventsource-ts'
import {
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
  TaskReassigned,
  TaskReopened,
  type TaskStatus,
} from '../03-first-aggregate/tasks.ts'

// #region card
/** One task as the board shows it: a row of the read model. */
export interface TaskCard {
  taskId: string
  title: string
  status: TaskStatus
  assignee: string | null
  completedBy: string | null
  /** When the task last changed: the time of its latest event. */
  changedAt: Date
}
// #endregion card

// #region board
export class TaskBoard extends Projection {
  readonly name = 'task-board'
  readonly #cards = new Map<string, TaskCard>()

  constructor() {
    super()
    this.on(TaskCreated, (event) => {
      this.#cards.set(event.aggregateId, {
        taskId: event.aggregateId,
        title: event.title,
        status: 'pending',
        assignee: null,
        completedBy: null,
        changedAt: event.occurredAt,
      })
    })
    this.on(TaskAssigned, (event) =>
      this.#change(event, { assignee: event.assignee }),
    )
    this.on(TaskReassigned, (event) =>
      this.#change(event, { assignee: event.newAssignee }),
    )
    this.on(TaskCompleted, (event) =>
      this.#change(event, {
        status: 'completed',
        completedBy: event.completedBy,
      }),
    )
    this.on(TaskReopened, (event) =>
      this.#change(event, { status: 'pending', completedBy: null }),
    )
  }

  /** A new card for the event's task: the old one, with `change` made. */
  #change(
    event: { aggregateId: string; occurredAt: Date },
    change: Partial<TaskCard>,
  ): void {
    const card = this.#cards.get(event.aggregateId)
    if (card === undefined) return // a task this board never saw created
    const changedAt = event.occurredAt
    this.#cards.set(event.aggregateId, { ...card, ...change, changedAt })
  }
  // #endregion board

  // #region queries
  /** Every card, in the order the tasks were created. */
  cards(): TaskCard[] {
    return [...this.#cards.values()]
  }

  /** The cards of one column of the board. */
  column(status: TaskStatus): TaskCard[] {
    return this.cards().filter((card) => card.status === status)
  }

  /** The titles of the pending tasks that `person` holds. */
  openTasksOf(person: string): string[] {
    return this.column('pending')
      .filter((card) => card.assignee === person)
      .map((card) => card.title)
  }

  // #endregion queries

  // #region reset
  /** Empties the board, before it is rebuilt from the log. */
  override reset(): void {
    this.#cards.clear()
  }
  // #endregion reset
}
