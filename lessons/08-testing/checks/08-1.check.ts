/**
 * Checks exercise 08-1 (a test suite for the task domain). Importing the
 * answer runs its suite on the real TaskAggregate, as the learner's own
 * tests. The checks then run the suite again on the real TaskAggregate and
 * on each mutant below, a copy of TaskAggregate with one rule broken: each
 * must fail at least one test that passes on the real one.
 */
import type { DomainEvent } from 'eventsource-ts'
import {
  TaskAggregate,
  TaskCompleted,
  TaskCreated,
  TaskReassigned,
  TaskRuleError,
} from '../../03-first-aggregate/tasks.ts'
import { describeMutationChecks, type Mutant } from '../mutation-checks.ts'

type Answer =
  typeof import('../../../solutions/08-testing/08-1-task-tests.test.ts')

// Each mutant changes one thing: where TaskAggregate would refuse a
// command, it raises the event anyway, or it raises the wrong event.

class CreatesTwice extends TaskAggregate {
  override create(title: string, description = ''): void {
    if (this.version === 0) return super.create(title, description)
    this.applyEvent(
      new TaskCreated({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        title,
        description,
      }),
    )
  }
}

/** The completion tasks.ts raises, for the mutants that skip its rules. */
function completeAnyway(task: TaskAggregate, completedBy: string): void {
  task.applyEvent(
    new TaskCompleted({
      aggregateId: task.aggregateId,
      aggregateVersion: task.getNextVersion(),
      completedBy,
    }),
  )
}

class CompletesTwice extends TaskAggregate {
  override complete(completedBy: string): void {
    if (this.state.status !== 'completed') return super.complete(completedBy)
    completeAnyway(this, completedBy)
  }
}

class CompletesUncreated extends TaskAggregate {
  override complete(completedBy: string): void {
    if (this.version > 0) return super.complete(completedBy)
    completeAnyway(this, completedBy)
  }
}

class RaisesBeforeRefusing extends TaskAggregate {
  override complete(completedBy: string): void {
    try {
      super.complete(completedBy)
    } catch (refusal) {
      if (this.state.status === 'completed') completeAnyway(this, completedBy)
      throw refusal
    }
  }
}

class ReassignsCompleted extends TaskAggregate {
  override reassign(newAssignee: string): void {
    if (this.state.status !== 'completed') return super.reassign(newAssignee)
    // Every rule of reassign() but the one about completed tasks.
    const previousAssignee = this.state.assignee
    if (previousAssignee === null)
      throw new TaskRuleError(
        this.aggregateId,
        'Not assigned yet: assign the task first.',
      )
    if (previousAssignee === newAssignee)
      throw new TaskRuleError(
        this.aggregateId,
        `Already assigned to ${newAssignee}.`,
      )
    this.applyEvent(
      new TaskReassigned({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        previousAssignee,
        newAssignee,
      }),
    )
  }
}

class ForgetsPreviousAssignee extends TaskAggregate {
  override applyEvent(event: DomainEvent): void {
    super.applyEvent(
      event instanceof TaskReassigned
        ? new TaskReassigned({
            aggregateId: event.aggregateId,
            aggregateVersion: event.aggregateVersion,
            previousAssignee: event.newAssignee,
            newAssignee: event.newAssignee,
          })
        : event,
    )
  }
}

/** Live, a completed task looks right; replayed, it is pending. */
class ForgetsCompletionOnReplay extends TaskAggregate {
  protected override apply(event: DomainEvent): void {
    if (!(event instanceof TaskCompleted)) super.apply(event)
  }

  override complete(completedBy: string): void {
    super.complete(completedBy)
    this.state = { ...this.state, status: 'completed', completedBy }
  }
}

const mutants: Mutant<typeof TaskAggregate>[] = [
  {
    name: 'creates-twice',
    subject: CreatesTwice,
    does: 'create() creates a task that exists already',
    rule: 'a task is created once',
    howToCatch:
      'Given a created task, when create() is called again, then expect ' +
      'it to throw "already exists".',
  },
  {
    name: 'completes-twice',
    subject: CompletesTwice,
    does: 'complete() completes a completed task again',
    rule: 'a completed task cannot be completed again',
    howToCatch:
      'Given a completed task, when complete() is called, then expect ' +
      'it to throw "Already completed".',
  },
  {
    name: 'completes-uncreated',
    subject: CompletesUncreated,
    does: 'complete() completes a task that was never created',
    rule: 'a task must exist before it is completed',
    howToCatch:
      'Given a new task, never created, when complete() is called, then ' +
      'expect it to throw "does not exist".',
  },
  {
    name: 'raises-before-refusing',
    subject: RaisesBeforeRefusing,
    does:
      'complete() on a completed task raises TaskCompleted, then throws ' +
      '"Already completed"',
    rule: 'a refused command raises nothing',
    howToCatch:
      'After the refused complete(), expect the task to have raised ' +
      'nothing: its uncommittedEvents stay empty.',
  },
  {
    name: 'reassigns-completed',
    subject: ReassignsCompleted,
    does: 'reassign() reassigns a completed task',
    rule: 'a completed task cannot be reassigned',
    howToCatch:
      'Given a task assigned to alice, then completed, when it is ' +
      'reassigned to bob, then expect "cannot be reassigned". A task ' +
      'with no assignee is refused by another rule, and so is any ' +
      'TaskRuleError: check the message.',
  },
  {
    name: 'forgets-previous-assignee',
    subject: ForgetsPreviousAssignee,
    does: 'TaskReassigned names the new assignee as the previous one too',
    rule: 'a reassignment records who held the task before',
    howToCatch:
      'Check the event reassign() raises, not only the state: expect a ' +
      'TaskReassigned with previousAssignee alice and newAssignee bob.',
  },
  {
    name: 'forgets-completion-on-replay',
    subject: ForgetsCompletionOnReplay,
    does:
      'complete() sets the state itself, and replaying TaskCompleted ' +
      'changes nothing',
    rule: 'replaying a history gives the state its events record',
    howToCatch:
      'Replay a history with loadFromHistory(): events written by hand, ' +
      'not commands, ending in a TaskCompleted; then expect a completed ' +
      'task.',
  },
]

await describeMutationChecks({
  exercise: '08-1',
  suiteName: 'describeTaskAggregate',
  suite: (answer: Answer) => answer.describeTaskAggregate,
  real: TaskAggregate,
  mutants,
})
