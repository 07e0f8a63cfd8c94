/**
 * Exercise 03-1: a task aggregate that refuses to complete twice.
 *
 * CompletableTask is a smaller task than the lesson's TaskAggregate: it can
 * be created, completed and reopened. Its state side, apply(), is written,
 * and so is create(), as an example of a command. Write the other two
 * commands. Each checks its rules against the current state first, and
 * throws a TaskRuleError, whose message says which rule was broken, before
 * raising anything. Only then does it raise its event:
 *   - complete(completedBy) refuses a task that does not exist yet (message
 *     with "does not exist") and one that is already completed (message with
 *     "already completed"); otherwise it raises TaskCompleted;
 *   - reopen(reopenedBy) refuses a task that is not completed (message with
 *     "not completed"); otherwise it raises TaskReopened. A reopened task can
 *     be completed again.
 *
 * Check your work with `npm run verify 03-1`. Stuck? `npm run hint 03-1`.
 */
import { AggregateRoot, type DomainEvent } from 'eventsource-ts'
import {
  initialTaskState,
  TaskCompleted,
  TaskCreated,
  TaskReopened,
  TaskRuleError,
  type TaskState,
} from '../../lessons/03-first-aggregate/tasks.ts'

export class CompletableTask extends AggregateRoot<TaskState> {
  static readonly aggregateType = 'Task'

  protected getInitialState(): TaskState {
    return initialTaskState()
  }

  // Events are facts: apply() records what happened, and checks nothing.
  protected apply(event: DomainEvent): void {
    if (event instanceof TaskCreated) {
      const { title, description } = event
      this.state = { ...this.state, title, description }
    } else if (event instanceof TaskCompleted) {
      const { completedBy } = event
      this.state = { ...this.state, status: 'completed', completedBy }
    } else if (event instanceof TaskReopened) {
      this.state = { ...this.state, status: 'pending', completedBy: null }
    }
  }

  create(title: string, description = ''): void {
    if (this.version > 0)
      throw new TaskRuleError(
        this.aggregateId,
        'This task already exists: a task is created once.',
      )
    this.applyEvent(
      new TaskCreated({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        title,
        description,
      }),
    )
  }

  // #region complete
  complete(completedBy: string): void {
    // #todo complete()
    // TODO 1: throw a TaskRuleError when the task does not exist yet (it has
    //         no event: this.version is 0), and when this.state.status is
    //         already 'completed'. Check before you raise anything.
    // TODO 2: then raise a TaskCompleted, as create() raises its event.
    // #answer
    if (this.version === 0)
      throw new TaskRuleError(
        this.aggregateId,
        'This task does not exist: create it first.',
      )
    if (this.state.status === 'completed')
      throw new TaskRuleError(
        this.aggregateId,
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
    // #endtodo
  }
  // #endregion complete

  // #region reopen
  reopen(reopenedBy: string): void {
    // #todo reopen()
    // TODO 3: throw a TaskRuleError unless the task is completed; then raise
    //         a TaskReopened.
    // #answer
    if (this.state.status !== 'completed')
      throw new TaskRuleError(
        this.aggregateId,
        'Not completed: only a completed task can be reopened.',
      )
    this.applyEvent(
      new TaskReopened({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        reopenedBy,
      }),
    )
    // #endtodo
  }
  // #endregion reopen
}
