/**
 * The same state side written two ways: AggregateRoot with one apply(), and
 * DeclarativeAggregate with a handler an event class (TaskAggregate).
 */
import { isDeepStrictEqual } from 'node:util'
import { z } from 'zod'
import {
  AggregateRoot,
  defineEvent,
  UnhandledEventError,
  type DomainEvent,
} from 'eventsource-ts'
import {
  initialTaskState,
  TaskAggregate,
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
  TaskReassigned,
  TaskReopened,
  type TaskState,
} from '../tasks.ts'
import { printError } from '../print-error.ts'

// #region one-apply
/** TaskAggregate's state side, as one apply() for every kind of event. */
class TaskByApply extends AggregateRoot<TaskState> {
  static readonly aggregateType = 'Task'

  protected getInitialState(): TaskState {
    return initialTaskState()
  }

  protected apply(event: DomainEvent): void {
    // Each instanceof narrows `event` to its class, payload and all.
    if (event instanceof TaskCreated) {
      const { title, description } = event
      this.state = { ...this.state, title, description }
    } else if (event instanceof TaskAssigned) {
      this.state = { ...this.state, assignee: event.assignee }
    } else if (event instanceof TaskReassigned) {
      this.state = { ...this.state, assignee: event.newAssignee }
    } else if (event instanceof TaskCompleted) {
      const { completedBy } = event
      this.state = { ...this.state, status: 'completed', completedBy }
    } else if (event instanceof TaskReopened) {
      this.state = { ...this.state, status: 'pending', completedBy: null }
    }
    // Any other event changes nothing.
  }
}
// #endregion one-apply

// #region strict
/** TaskAggregate, refusing to replay an event it has no handler for. */
class StrictTask extends TaskAggregate {
  static override readonly unhandledEvents = 'error'
}
// #endregion strict

export default function twoStyles(): void {
  // #region same-state
  const task = new TaskAggregate('task-8')
  task.create('Compare the styles')
  task.assign('alice')
  task.reassign('bob')
  task.complete('bob')
  const history = task.uncommittedEvents

  const byApply = new TaskByApply('task-8')
  byApply.loadFromHistory(history)
  const same = isDeepStrictEqual(byApply.state, task.state)
  console.log(`The same ${history.length} events, the same state: ${same}`)
  console.log(`TaskAggregate has handlers for:`)
  console.log(`  ${task.handledEventTypes.join(', ')}`)
  // #endregion same-state

  // #region unhandled
  // An event that a newer version of the application raises, and this code
  // has no handler for (registered nowhere, to stay out of the course's
  // registry).
  const TaskArchived = defineEvent({
    eventType: 'TaskArchived',
    aggregateType: 'Task',
    schema: z.object({}),
    registry: false,
  })
  const newer = [
    ...history,
    new TaskArchived({ aggregateId: 'task-8', aggregateVersion: 5 }),
  ]

  const tolerant = new TaskAggregate('task-8')
  tolerant.loadFromHistory(newer)
  console.log(
    "unhandledEvents 'ignore' (the default): TaskArchived skipped, " +
      `version ${tolerant.version}`,
  )
  try {
    new StrictTask('task-8').loadFromHistory(newer)
  } catch (error) {
    if (!(error instanceof UnhandledEventError)) throw error
    printError("unhandledEvents 'error'", error)
  }
  // #endregion unhandled
}
