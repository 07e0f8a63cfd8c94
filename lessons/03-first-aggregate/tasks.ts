/**
 * The task domain: the events of a task, its state, and the aggregate that
 * decides what may happen to a task. Lesson 3 builds it; lessons 4 to 10
 * import it from here, so there is one TaskCreated class, registered once.
 */
import { z } from 'zod'
import { defineEvent, DeclarativeAggregate } from 'eventsource-ts'

// #region events
export const TaskCreated = defineEvent({
  eventType: 'TaskCreated',
  aggregateType: 'Task',
  schema: z.object({ title: z.string().min(1), description: z.string() }),
})
export type TaskCreated = InstanceType<typeof TaskCreated>

export const TaskAssigned = defineEvent({
  eventType: 'TaskAssigned',
  aggregateType: 'Task',
  schema: z.object({ assignee: z.string().min(1) }),
})
export type TaskAssigned = InstanceType<typeof TaskAssigned>

export const TaskReassigned = defineEvent({
  eventType: 'TaskReassigned',
  aggregateType: 'Task',
  schema: z.object({
    previousAssignee: z.string().min(1),
    newAssignee: z.string().min(1),
  }),
})
export type TaskReassigned = InstanceType<typeof TaskReassigned>

export const TaskCompleted = defineEvent({
  eventType: 'TaskCompleted',
  aggregateType: 'Task',
  schema: z.object({ completedBy: z.string().min(1) }),
})
export type TaskCompleted = InstanceType<typeof TaskCompleted>

export const TaskReopened = defineEvent({
  eventType: 'TaskReopened',
  aggregateType: 'Task',
  schema: z.object({ reopenedBy: z.string().min(1) }),
})
export type TaskReopened = InstanceType<typeof TaskReopened>
// #endregion events

// #region state
export type TaskStatus = 'pending' | 'completed'

export interface TaskState {
  title: string
  description: string
  status: TaskStatus
  /** Who works on the task; null until it is assigned. */
  assignee: string | null
  /** Who completed it; null while it is pending. */
  completedBy: string | null
}

/** A task's state before its first event. */
export function initialTaskState(): TaskState {
  return {
    title: '',
    description: '',
    status: 'pending',
    assignee: null,
    completedBy: null,
  }
}
// #endregion state

// #region rule-error
/**
 * A command that a task's rules refuse. It is thrown before any event is
 * raised, so the task is left as it was.
 */
export class TaskRuleError extends Error {
  override name = 'TaskRuleError'

  constructor(
    readonly taskId: string,
    message: string,
  ) {
    super(message)
  }
}
// #endregion rule-error

// #region aggregate
export class TaskAggregate extends DeclarativeAggregate<TaskState> {
  static readonly aggregateType = 'Task'

  protected getInitialState(): TaskState {
    return initialTaskState()
  }

  // Each handler changes the state for one kind of event. They run for new
  // events and for replayed history alike, so they check nothing: an event
  // is a fact.
  constructor(taskId: string) {
    super(taskId)
    this.on(TaskCreated, (event) => {
      const { title, description } = event
      this.state = { ...this.state, title, description }
    })
    this.on(TaskAssigned, (event) => {
      this.state = { ...this.state, assignee: event.assignee }
    })
    this.on(TaskReassigned, (event) => {
      this.state = { ...this.state, assignee: event.newAssignee }
    })
    this.on(TaskCompleted, (event) => {
      const { completedBy } = event
      this.state = { ...this.state, status: 'completed', completedBy }
    })
    this.on(TaskReopened, () => {
      this.state = { ...this.state, status: 'pending', completedBy: null }
    })
  }
  // #endregion aggregate

  // #region commands
  // A command checks the rules against the current state, and throws before
  // raising anything when one is broken. Only then does it raise its event,
  // at the next version: applyEvent() applies it and records it to be saved.
  create(title: string, description = ''): void {
    if (this.version > 0)
      this.#refuse('This task already exists: a task is created once.')
    this.applyEvent(
      new TaskCreated({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        title,
        description,
      }),
    )
  }

  assign(assignee: string): void {
    this.#requireOpen('assigned')
    const current = this.state.assignee
    if (current !== null)
      this.#refuse(`Already assigned to ${current}: reassign the task instead.`)
    this.applyEvent(
      new TaskAssigned({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        assignee,
      }),
    )
  }

  reassign(newAssignee: string): void {
    this.#requireOpen('reassigned')
    const previousAssignee = this.state.assignee
    if (previousAssignee === null)
      this.#refuse('Not assigned yet: assign the task first.')
    if (previousAssignee === newAssignee)
      this.#refuse(`Already assigned to ${newAssignee}.`)
    this.applyEvent(
      new TaskReassigned({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        previousAssignee,
        newAssignee,
      }),
    )
  }
  // #endregion commands

  // Exercise 03-1 writes these two for a smaller task: try it before reading.
  complete(completedBy: string): void {
    this.#requireCreated()
    if (this.state.status === 'completed')
      this.#refuse(
        `Already completed by ${this.state.completedBy}: ` +
          'reopen the task to complete it again.',
      )
    this.applyEvent(
      new TaskCompleted({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        completedBy,
      }),
    )
  }

  reopen(reopenedBy: string): void {
    this.#requireCreated()
    if (this.state.status !== 'completed')
      this.#refuse('Not completed: only a completed task can be reopened.')
    this.applyEvent(
      new TaskReopened({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        reopenedBy,
      }),
    )
  }

  // #region rules
  #requireCreated(): void {
    if (this.version === 0)
      this.#refuse('This task does not exist: create it first.')
  }

  #requireOpen(what: string): void {
    this.#requireCreated()
    if (this.state.status === 'completed')
      this.#refuse(`A completed task cannot be ${what}: reopen it first.`)
  }

  #refuse(rule: string): never {
    throw new TaskRuleError(this.aggregateId, rule)
  }
  // #endregion rules
}
