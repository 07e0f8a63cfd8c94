/** Checks exercise 07-3 (a save whose handlers failed). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import { OptimisticLockError } from 'eventsource-ts'
import { TaskAssigned, TaskCompleted } from '../../03-first-aggregate/tasks.ts'
import { wireTasks } from '../wiring.ts'
import { shown } from '../../shown.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer = typeof import('../../../solutions/07-event-bus/07-3-save-task.ts')
type SaveResult = Awaited<ReturnType<Answer['saveTask']>>

/** Handlers that fail, named as the bus names them in its failures. */
function notifyAssignee(): void {
  throw new Error('the mail server is down')
}
function notifyReviewer(): void {
  throw new Error('the mail server is down')
}

for (const target of await checkTargets('07-3')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { saveTask } = loaded.module

    /** task-1, created and saved; `change` run on it, then saveTask(). */
    async function saveChanged(
      wired: Awaited<ReturnType<typeof wireTasks>>,
      change: string,
      run: (task: ReturnType<typeof wired.tasks.createNew>) => void,
    ): Promise<SaveResult> {
      const { tasks } = wired
      const created = tasks.createNew('task-1')
      created.create('Save me')
      await tasks.save(created)
      const task = await tasks.load('task-1')
      run(task)
      try {
        return await saveTask(tasks, task)
      } catch (error) {
        const stored = await wired.store.getStreamVersion('task-1', 'Task')
        assert.fail(
          `saveTask() of task-1, ${change}, rejected with ` +
            `${quoted(error)}. Yet the store holds task-1 at version ` +
            `${stored}: the save succeeded, and only handlers failed. ` +
            'Catch the EventPublishError, and resolve with the lines of ' +
            'its failures.',
        )
      }
    }

    describe('checks', () => {
      test(
        'resolves with the version stored, and nothing missed, when every ' +
          'handler runs',
        async () => {
          const wired = await wireTasks()
          wired.bus.subscribeAll(() => {})
          const result = await saveChanged(wired, 'assigned', (task) =>
            task.assign('alice'),
          )
          assert.deepEqual(
            result,
            { version: 2, missed: [] },
            `saveTask() of task-1, created then assigned, resolved to ` +
              `${shown(result)}; expected { version: 2, missed: [] }: ` +
              'the version of the task after the save.',
          )
        },
      )

      test(
        'resolves, and does not reject, when a handler fails: the events ' +
          'are stored',
        async () => {
          const wired = await wireTasks()
          wired.bus.subscribe(TaskCompleted, notifyReviewer)
          const result = await saveChanged(wired, 'completed', (task) =>
            task.complete('alice'),
          )
          const expected = {
            version: 2,
            missed: ['notifyReviewer missed TaskCompleted v2'],
          }
          assert.deepEqual(
            result,
            expected,
            'saveTask() of task-1, completed, with a notifyReviewer ' +
              `handler that fails, resolved to ${shown(result)}; ` +
              `expected ${shown(expected)}: a line for each of the ` +
              "EventPublishError's failures, from its handler and event.",
          )
        },
      )

      test(
        'lists every handler that failed on every event, in the order of ' +
          'the failures',
        async () => {
          const wired = await wireTasks()
          wired.bus.subscribe(TaskAssigned, notifyAssignee)
          wired.bus.subscribe(TaskCompleted, notifyReviewer)
          const result = await saveChanged(
            wired,
            'assigned and completed',
            (task) => {
              task.assign('alice')
              task.complete('alice')
            },
          )
          const missed = [
            'notifyAssignee missed TaskAssigned v2',
            'notifyReviewer missed TaskCompleted v3',
          ]
          assert.deepEqual(
            result.missed,
            missed,
            'Two handlers failed, one on each event of the save: missed ' +
              `is ${shown(result.missed)}; expected ${shown(missed)}. ` +
              'Make a line of every entry of error.failures.',
          )
          assert.equal(result.version, 3, 'the version after the save is 3')
        },
      )

      test(
        'rejects with the OptimisticLockError of a save that stored ' +
          'nothing',
        async () => {
          const { tasks } = await wireTasks()
          const created = tasks.createNew('task-1')
          created.create('Save me')
          await tasks.save(created)
          const [first, second] = [
            await tasks.load('task-1'),
            await tasks.load('task-1'),
          ]
          first.assign('alice')
          await tasks.save(first)
          second.assign('bob')
          let outcome: unknown
          try {
            outcome = await saveTask(tasks, second)
          } catch (error) {
            if (error instanceof OptimisticLockError) return
            assert.fail(
              'saveTask() of a task another writer changed first rejected ' +
                `with ${quoted(error)}; expected the save's own ` +
                'OptimisticLockError, thrown again as it is.',
            )
          }
          assert.fail(
            'saveTask() of a task another writer changed first resolved ' +
              `to ${shown(outcome)}, yet nothing was stored: the save ` +
              'conflicted. Throw every error but an EventPublishError ' +
              'again, so that the caller can reload and retry.',
          )
        },
      )
    })
  })
}
