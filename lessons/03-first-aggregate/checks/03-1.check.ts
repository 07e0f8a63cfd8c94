/** Checks exercise 03-1 (a task aggregate that refuses to complete twice). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import type { DomainEvent } from 'eventsource-ts'
import {
  TaskCompleted,
  TaskCreated,
  TaskReopened,
  TaskRuleError,
} from '../tasks.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/03-first-aggregate/03-1-complete-once.ts')
type Task = InstanceType<Answer['CompletableTask']>

/** Events as "v2 TaskCompleted, v3 TaskReopened", or "no event". */
const listed = (events: readonly DomainEvent[]) =>
  events.map((e) => `v${e.aggregateVersion} ${e.eventType}`).join(', ') ||
  'no event'

for (const target of await checkTargets('03-1')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { CompletableTask } = loaded.module

    /** A task created at version 1, and completed by alice if asked. */
    function task(completed = false): Task {
      const created = new CompletableTask('task-1')
      created.create('Check exercise 03-1')
      if (completed) created.complete('alice')
      return created
    }

    /**
     * What `command` threw, which must be a TaskRuleError, and what it
     * raised (which must be nothing).
     */
    function refusal(
      subject: Task,
      command: (task: Task) => void,
      situation: string,
    ): { error: TaskRuleError; raised: DomainEvent[] } {
      const before = subject.uncommittedEvents.length
      let error: unknown
      try {
        command(subject)
      } catch (thrown) {
        error = thrown
      }
      const raised = subject.uncommittedEvents.slice(before)
      if (error === undefined)
        assert.fail(
          `${situation} must throw a TaskRuleError, but it returned, ` +
            `having raised ${listed(raised)}.`,
        )
      if (!(error instanceof TaskRuleError))
        assert.fail(
          `${situation} must throw a TaskRuleError (from tasks.ts), ` +
            `not ${quoted(error)}.`,
        )
      return { error, raised }
    }

    function assertSays(error: Error, words: string, situation: string) {
      assert.ok(
        error.message.toLowerCase().includes(words),
        `${situation} threw "${error.message}": say which rule was ` +
          `broken, with the words "${words}".`,
      )
    }

    describe('checks', () => {
      test(
        'complete() raises one TaskCompleted, at the next version, ' +
          'naming who completed it',
        () => {
          const subject = task()
          subject.complete('alice')
          const events = subject.uncommittedEvents
          const [created, completed, ...more] = events
          assert.ok(
            created instanceof TaskCreated &&
              completed instanceof TaskCompleted &&
              more.length === 0,
            'After create() and complete(), the task must have raised ' +
              'v1 TaskCreated, v2 TaskCompleted; it raised ' +
              `${listed(events)}. Raise one event: ` +
              'this.applyEvent(new TaskCompleted(...)).',
          )
          assert.equal(
            completed.completedBy,
            'alice',
            'TaskCompleted.completedBy must be the argument of complete()',
          )
          assert.equal(
            subject.state.status,
            'completed',
            'after complete(), state.status must be "completed"',
          )
        },
      )

      test(
        'complete() on a completed task throws a TaskRuleError ' +
          'that says "already completed"',
        () => {
          const situation = 'complete() on a completed task'
          const { error } = refusal(
            task(true),
            (subject) => subject.complete('bob'),
            situation,
          )
          assertSays(error, 'already completed', situation)
        },
      )

      test(
        'a refused complete() raises nothing: the version, state and ' +
          'events stay as they were',
        () => {
          const subject = task(true)
          const { version, state } = subject
          const { raised } = refusal(
            subject,
            (completed) => completed.complete('bob'),
            'complete() on a completed task',
          )
          assert.ok(
            raised.length === 0 && subject.version === version,
            `complete() raised ${listed(raised)} before it threw: ` +
              'check the rules first, and raise the event only when ' +
              'they pass. A thrown error does not take back an event ' +
              'already applied: it is recorded, and would be saved.',
          )
          assert.deepEqual(
            subject.state,
            state,
            "a refused complete() must leave the task's state as it was",
          )
        },
      )

      test(
        'complete() on a task never created throws a TaskRuleError ' +
          'that says "does not exist", and raises nothing',
        () => {
          const situation = 'complete() on a task that was never created'
          const { error, raised } = refusal(
            new CompletableTask('task-2'),
            (subject) => subject.complete('alice'),
            situation,
          )
          assertSays(error, 'does not exist', situation)
          assert.equal(raised.length, 0, `${situation} raised an event`)
        },
      )

      test(
        'reopen() raises TaskReopened, and a reopened task can be ' +
          'completed again',
        () => {
          const subject = task(true)
          try {
            subject.reopen('bob')
            subject.complete('carol')
          } catch (error) {
            assert.fail(
              'create(), complete(), reopen(), complete() must work, ' +
                `but it threw ${quoted(error)}.`,
            )
          }
          const events = subject.uncommittedEvents
          const reopened = events[2]
          assert.ok(
            reopened instanceof TaskReopened &&
              reopened.reopenedBy === 'bob' &&
              events[3] instanceof TaskCompleted &&
              events.length === 4,
            'The task must have raised v1 TaskCreated, v2 TaskCompleted, ' +
              'v3 TaskReopened (reopenedBy: the argument of reopen()), ' +
              `v4 TaskCompleted; it raised ${listed(events)}.`,
          )
          assert.equal(subject.state.completedBy, 'carol')
        },
      )

      test(
        'reopen() on a task that is not completed throws a TaskRuleError ' +
          'that says "not completed", and raises nothing',
        () => {
          const situation = 'reopen() on a pending task'
          const { error, raised } = refusal(
            task(),
            (subject) => subject.reopen('bob'),
            situation,
          )
          assertSays(error, 'not completed', situation)
          assert.equal(raised.length, 0, `${situation} raised an event`)
        },
      )

      test(
        'the rules are checked in the commands, not in apply(): a history ' +
          'with two TaskCompleted in a row still replays',
        () => {
          const aggregateId = 'task-3'
          // Stored before the rule was written: history is what happened.
          const history = [
            new TaskCreated({ aggregateId, title: 'Old', description: '' }),
            new TaskCompleted({
              aggregateId,
              aggregateVersion: 2,
              completedBy: 'alice',
            }),
            new TaskCompleted({
              aggregateId,
              aggregateVersion: 3,
              completedBy: 'bob',
            }),
          ]
          const replayed = new CompletableTask(aggregateId)
          try {
            replayed.loadFromHistory(history)
          } catch (error) {
            assert.fail(
              'Replaying a stored history (created, completed by alice, ' +
                `completed by bob) threw ${quoted(error)}. apply() runs ` +
                'for history too, and history is fact, even one written ' +
                'before a rule existed. Check rules in the commands, ' +
                'before raising the event, and keep apply() free of checks.',
            )
          }
          assert.equal(replayed.version, 3)
          assert.equal(replayed.state.completedBy, 'bob')
        },
      )
    })
  })
}
