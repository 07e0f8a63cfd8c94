/**
 * A test proves something only if it can fail. Two tests of one rule run on
 * the real TaskAggregate and on a copy with that rule taken out: the vague
 * one passes on both; the precise one fails on the broken copy, as it must.
 * `npm run lesson 8` runs this file and expects exactly that.
 */
import { describe, expect, test } from 'vitest'
import {
  TaskAggregate,
  TaskAssigned,
  TaskRuleError,
} from '../03-first-aggregate/tasks.ts'

// #region broken
/**
 * TaskAggregate with a bug: assign() forgot the rule that a completed task
 * cannot be assigned. It still refuses a task that has an assignee.
 */
class ForgetfulTask extends TaskAggregate {
  override assign(assignee: string): void {
    const current = this.state.assignee
    if (current !== null)
      throw new TaskRuleError(
        this.aggregateId,
        `Already assigned to ${current}.`,
      )
    this.applyEvent(
      new TaskAssigned({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        assignee,
      }),
    )
  }
}
// #endregion broken

// #region each
// The same two tests, once for each class: the suite is a function of the
// class it tests.
for (const Task of [TaskAggregate, ForgetfulTask]) {
  describe(Task.name, () => {
    /** Created, assigned to alice, completed by her. */
    function completedTask(): TaskAggregate {
      const task = new Task('task-7')
      task.create('Ship it')
      task.assign('alice')
      task.complete('alice')
      return task
    }

    test('assign() on a completed task throws', () => {
      // Vague: any TaskRuleError will do
      expect(() => completedTask().assign('bob')).toThrow(TaskRuleError)
    })

    test('assign() on a completed task: "cannot be assigned"', () => {
      // Precise: the error of the rule under test
      expect(() => completedTask().assign('bob')).toThrow(/cannot be assigned/)
    })
  })
}
// #endregion each
