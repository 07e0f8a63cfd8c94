/**
 * Checks exercise 08-2 (tests for a projection). Importing the answer runs
 * its suite on the real TaskBoard, as the learner's own tests. The checks
 * then run it again on the real TaskBoard and on each mutant below, a copy
 * of TaskBoard with one thing broken: each must fail at least one test
 * that passes on the real one.
 */
import type { StoredEvent } from 'eventsource-ts'
import { TaskReassigned, TaskReopened } from '../../03-first-aggregate/tasks.ts'
import { TaskBoard } from '../../06-projections/board.ts'
import { describeMutationChecks, type Mutant } from '../mutation-checks.ts'

type Answer =
  typeof import('../../../solutions/08-testing/08-2-board-tests.test.ts')

/** A TaskBoard that is never handed the events of one class. */
function boardSkipping(skipped: { eventType: string }): typeof TaskBoard {
  return class extends TaskBoard {
    override handle(stored: StoredEvent): void | Promise<void> {
      if (stored.event.eventType !== skipped.eventType)
        return super.handle(stored)
    }
  }
}

class CountsCompletedAsOpen extends TaskBoard {
  override openTasksOf(person: string): string[] {
    return this.cards()
      .filter((card) => card.assignee === person)
      .map((card) => card.title)
  }
}

class ResetKeepsCards extends TaskBoard {
  override reset(): void {}
}

const mutants: Mutant<typeof TaskBoard>[] = [
  {
    name: 'ignores-reassignment',
    subject: boardSkipping(TaskReassigned),
    does: 'TaskReassigned handler is missing',
    rule: 'a reassigned task moves to its new assignee',
    howToCatch:
      'Given a task assigned to bob, then reassigned to carol, expect ' +
      "it in carol's open tasks (board.openTasksOf('carol')), and " +
      "bob's to be empty.",
  },
  {
    name: 'ignores-reopening',
    subject: boardSkipping(TaskReopened),
    does: 'TaskReopened handler is missing',
    rule: 'a reopened task is pending again',
    howToCatch:
      'Given a task completed, then reopened, expect it in ' +
      "board.column('pending'), and board.column('completed') empty.",
  },
  {
    name: 'counts-completed-as-open',
    subject: CountsCompletedAsOpen,
    does: 'openTasksOf() lists completed tasks too',
    rule: "a completed task is nobody's open task",
    howToCatch:
      'Given a task assigned to alice, then completed, expect ' +
      "board.openTasksOf('alice') to be empty. A task never assigned " +
      "is in nobody's list anyway: assign it first.",
  },
  {
    name: 'reset-keeps-cards',
    subject: ResetKeepsCards,
    does: 'reset() does nothing',
    rule: 'reset() empties the board',
    howToCatch:
      'Feed a board, call reset(), and expect board.cards() to be ' +
      'empty. A rebuild compared with the board before cannot tell: ' +
      'this board sets each card by its task, so feeding it twice ' +
      'changes nothing.',
  },
]

await describeMutationChecks({
  exercise: '08-2',
  suiteName: 'describeTaskBoard',
  suite: (answer: Answer) => answer.describeTaskBoard,
  real: TaskBoard,
  mutants,
})
