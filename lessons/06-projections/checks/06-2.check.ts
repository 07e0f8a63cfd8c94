/** Checks exercise 06-2 (a rebuild gives the same read model). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  assign,
  complete,
  create,
  fedLive,
  reassign,
  reopen,
  reset,
} from '../check-support.ts'
import { storeWith, type Step } from '../history.ts'
import { shown } from '../../shown.ts'
import {
  checkTargets,
  importTarget,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/06-projections/06-2-workload.ts')

/** A level deeper than Node shows: an answer's lists may hold objects. */
const shownWhole = (value: unknown) => shown(value, 3)

/**
 * A day of the team's: every kind of event, a task reassigned twice, one
 * reassigned and completed, one completed and reopened by someone else, one
 * completed while unassigned.
 */
const day: Step[] = [
  create('t1', 'Plan'),
  create('t2', 'Build'),
  create('t3', 'Test'),
  create('t4', 'Ship'),
  assign('t1', 'alice'),
  assign('t2', 'bob'),
  assign('t3', 'bob'),
  reassign('t2', 'carol'),
  reassign('t3', 'carol'),
  complete('t1', 'alice'),
  reopen('t1', 'carol'),
  complete('t3', 'carol'),
  reassign('t2', 'alice'),
  complete('t4', 'dave'),
  reopen('t4', 'dave'),
]
/** What the day leaves: t1 and t2 with alice, t3 completed, t4 nobody's. */
const endOfDay = { alice: ['Build', 'Plan'] }

for (const target of await checkTargets('06-2')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { WorkloadProjection, rebuild } = loaded.module

    /** A new projection, rebuilt from a store that holds `steps`. */
    async function rebuiltFrom(steps: Step[]) {
      const projection = new WorkloadProjection()
      await rebuild(projection, await storeWith(steps))
      return projection.workload()
    }

    describe('checks', () => {
      test(
        'rebuild() feeds a new projection the whole log, from its first ' +
          'event',
        async () => {
          const workload = await rebuiltFrom([
            create('t1', 'Plan'),
            assign('t1', 'alice'),
            create('t2', 'Build'),
            assign('t2', 'bob'),
          ])
          const expected = { alice: ['Plan'], bob: ['Build'] }
          assert.deepEqual(
            workload,
            expected,
            'Rebuilt from a log of 2 tasks, created and assigned to alice ' +
              `and bob, workload() is ${shownWhole(workload)}; expected ` +
              `${shownWhole(expected)}. Read the whole log with ` +
              'store.readAll(): with no fromPosition, or fromPosition 0, ' +
              'it starts at the first event (fromPosition means "after").',
          )
        },
      )

      test(
        'a reassigned task moves from the previous assignee ' +
          'to the new one',
        async () => {
          const workload = await rebuiltFrom([
            create('t1', 'Plan'),
            create('t2', 'Build'),
            assign('t1', 'alice'),
            assign('t2', 'alice'),
            reassign('t2', 'bob'),
          ])
          const expected = { alice: ['Plan'], bob: ['Build'] }
          assert.deepEqual(
            workload,
            expected,
            'alice was given Plan and Build, then Build was reassigned to ' +
              `bob: workload() is ${shownWhole(workload)}; expected ` +
              `${shownWhole(expected)}. Take the task from previousAssignee ` +
              'and give it to newAssignee.',
          )
        },
      )

      test(
        'a reassigned task, once completed, leaves the list of the one who ' +
          'holds it now',
        async () => {
          const workload = await rebuiltFrom([
            create('t1', 'Plan'),
            assign('t1', 'alice'),
            reassign('t1', 'bob'),
            complete('t1', 'bob'),
          ])
          assert.deepEqual(
            workload,
            {},
            'Plan was assigned to alice, reassigned to bob, and completed: ' +
              `workload() is ${shownWhole(workload)}; expected {}. A ` +
              'TaskCompleted does not say whose the task was: on a ' +
              "reassignment, update the task's record (its assignee) too.",
          )
        },
      )

      test(
        "a completed task leaves its assignee's list; reopened, it goes " +
          'back to its assignee, not to who reopened it',
        async () => {
          const history = [
            create('t1', 'Plan'),
            assign('t1', 'alice'),
            complete('t1', 'alice'),
          ]
          assert.deepEqual(await rebuiltFrom(history), {})
          const workload = await rebuiltFrom([...history, reopen('t1', 'bob')])
          const expected = { alice: ['Plan'] }
          assert.deepEqual(
            workload,
            expected,
            "alice's task was completed, then reopened by bob: " +
              `workload() is ${shownWhole(workload)}; expected ` +
              `${shownWhole(expected)}. A reopened task is open again for its ` +
              'assignee, whoever reopened it.',
          )
        },
      )

      test('reset() empties the read model, as a new one has it', async () => {
        const { projection } = await fedLive(new WorkloadProjection(), day)
        await reset(projection)
        const workload = projection.workload()
        assert.deepEqual(
          workload,
          {},
          `After reset(), workload() is ${shownWhole(workload)}; expected {}. ` +
            'reset() must empty every field the handlers fill.',
        )
      })

      test(
        'built live, then rebuilt on the same projection: ' +
          'the same workload',
        async () => {
          const { projection, store } = await fedLive(
            new WorkloadProjection(),
            day,
          )
          const live = projection.workload()
          assert.deepEqual(
            live,
            endOfDay,
            `Built live, fed after each command of a day with reassigned ` +
              `and reopened tasks, workload() is ${shownWhole(live)}; expected ` +
              `${shownWhole(endOfDay)}.`,
          )
          await rebuild(projection, store)
          const rebuilt = projection.workload()
          assert.deepEqual(
            rebuilt,
            live,
            `Rebuilt from the log, workload() is ${shownWhole(rebuilt)}; live, ` +
              `it was ${shownWhole(live)}. A rebuild replays the events that ` +
              'are already in the read model: reset() it first, emptying ' +
              'every field, or each one counts twice.',
          )
          await rebuild(projection, store)
          assert.deepEqual(
            projection.workload(),
            live,
            'Rebuilt a second time, workload() differs from the first ' +
              `rebuild: ${shown(projection.workload(), 3)}.`,
          )
        },
      )
    })
  })
}
