/** Checks exercise 06-1 (task statistics). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  assign,
  complete,
  create,
  fedFromLog,
  reassign,
  reopen,
  reset,
} from '../check-support.ts'
import { feed } from '../feed.ts'
import type { Step } from '../history.ts'
import { shown } from '../../shown.ts'
import {
  checkTargets,
  importTarget,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/06-projections/06-1-statistics.ts')
type Statistics = ReturnType<
  InstanceType<Answer['TaskStatisticsProjection']>['statistics']
>

for (const target of await checkTargets('06-1')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { TaskStatisticsProjection } = loaded.module

    /** The statistics of a projection fed the events of `steps`. */
    async function statisticsAfter(steps: Step[]): Promise<Statistics> {
      const { projection } = await fedFromLog(
        new TaskStatisticsProjection(),
        steps,
      )
      return projection.statistics()
    }

    /** Fails unless `actual` has the `expected` values; names the first off. */
    function assertNumbers(
      actual: Statistics,
      expected: Partial<Statistics>,
      after: string,
      fix = '',
    ): void {
      for (const [field, value] of Object.entries(expected)) {
        const got = actual[field as keyof Statistics]
        assert.deepEqual(
          got,
          value,
          `After ${after}, statistics().${field} is ${shown(got)}; ` +
            `expected ${shown(value)}.${fix && ` ${fix}`}`,
        )
      }
    }

    const fourTasks = ['t1', 't2', 't3', 't4'].map((id) => create(id))
    const threeTasks = fourTasks.slice(0, 3)

    describe('checks', () => {
      test(
        'a projection fed nothing has no task, and a completion of 0%, ' +
          'not NaN',
        () => {
          const statistics = new TaskStatisticsProjection().statistics()
          assertNumbers(
            statistics,
            { completionPercent: 0 },
            'no event at all',
            'With no task, 0 / 0 is NaN in JavaScript: when total is 0, ' +
              'say 0.',
          )
          assertNumbers(
            statistics,
            {
              total: 0,
              completed: 0,
              pending: 0,
              perAssignee: {},
              unassigned: 0,
            },
            'no event at all',
          )
        },
      )

      test('counts the tasks created, completed and pending', async () => {
        const statistics = await statisticsAfter([
          ...fourTasks,
          complete('t1', 'alice'),
          complete('t2', 'bob'),
        ])
        assertNumbers(
          statistics,
          { total: 4, completed: 2, pending: 2 },
          '4 tasks created and 2 of them completed',
          'Count one more completed task for each TaskCompleted; pending ' +
            'is total - completed.',
        )
      })

      test(
        'a reopened task is pending again, and counts as completed once ' +
          'it is completed again',
        async () => {
          const history = [create('t1'), complete('t1', 'alice')]
          assertNumbers(
            await statisticsAfter([...history, reopen('t1', 'bob')]),
            { completed: 0, pending: 1 },
            'a task created, completed and reopened',
            'A TaskReopened takes the task back from completed to pending.',
          )
          assertNumbers(
            await statisticsAfter([
              ...history,
              reopen('t1', 'bob'),
              complete('t1', 'carol'),
            ]),
            { total: 1, completed: 1, pending: 0 },
            'a task created, completed, reopened and completed again',
          )
        },
      )

      test(
        'a task counts for its assignee; a reassigned task moves to the ' +
          'new one and is counted once',
        async () => {
          const statistics = await statisticsAfter([
            ...threeTasks,
            assign('t1', 'alice'),
            assign('t2', 'alice'),
            assign('t3', 'bob'),
            reassign('t2', 'carol'),
            reassign('t3', 'alice'),
          ])
          assertNumbers(
            statistics,
            { perAssignee: { alice: 2, carol: 1 } },
            "3 tasks assigned to alice, alice and bob, then alice's second " +
              "moved to carol and bob's to alice",
            'A reassigned task is one task: take it from previousAssignee ' +
              'as you give it to newAssignee (bob, left with none, is ' +
              'left out).',
          )
        },
      )

      test(
        'unassigned counts the tasks never assigned; a completed task ' +
          'still counts for its assignee',
        async () => {
          const statistics = await statisticsAfter([
            ...threeTasks,
            assign('t1', 'alice'),
            complete('t1', 'alice'),
          ])
          assertNumbers(
            statistics,
            { unassigned: 2, perAssignee: { alice: 1 } },
            '3 tasks created, 1 of them assigned to alice and completed',
            'Every task starts unassigned; a TaskAssigned takes it from ' +
              'there to its assignee, where it stays when completed.',
          )
        },
      )

      test('completionPercent is the part done, from 0 to 100', async () => {
        assertNumbers(
          await statisticsAfter([...fourTasks, complete('t3', 'bob')]),
          { completionPercent: 25 },
          '1 task completed of 4',
          'It is a percentage: completed / total * 100.',
        )
        const third = await statisticsAfter([
          ...threeTasks,
          complete('t2', 'bob'),
        ])
        assert.ok(
          Math.abs(third.completionPercent - 100 / 3) < 1e-9,
          'After 1 task completed of 3, completionPercent is ' +
            `${third.completionPercent}; expected 33.33…: keep the ` +
            'fraction, unrounded.',
        )
      })

      test(
        'reset() empties it, and a rebuild from the log gives the same ' +
          'statistics',
        async () => {
          const { projection, store } = await fedFromLog(
            new TaskStatisticsProjection(),
            [
              ...fourTasks,
              assign('t1', 'alice'),
              reassign('t1', 'bob'),
              complete('t1', 'bob'),
              reopen('t1', 'alice'),
              complete('t2', 'carol'),
            ],
          )
          const before = projection.statistics()
          await reset(projection)
          const empty = new TaskStatisticsProjection().statistics()
          assert.deepEqual(
            projection.statistics(),
            empty,
            `After reset(), statistics() is ${shown(projection.statistics())}` +
              `; expected ${shown(empty)}, as a new projection's. reset() ` +
              'must set back every field the handlers change.',
          )
          await feed(projection, store)
          assert.deepEqual(
            projection.statistics(),
            before,
            'Rebuilt from the log after reset(), statistics() is ' +
              `${shown(projection.statistics())}; before, it was ` +
              `${shown(before)}.`,
          )
        },
      )
    })
  })
}
