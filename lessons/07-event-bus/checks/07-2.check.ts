/** Checks exercise 07-2 (an audit trail of every event). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import { z } from 'zod'
import {
  defineEvent,
  EventPublishError,
  InMemoryEventBus,
} from 'eventsource-ts'
import { wireTasks } from '../wiring.ts'
import { shown } from '../../shown.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/07-event-bus/07-2-audit-trail.ts')
type AuditTrail = InstanceType<Answer['AuditTrail']>

// An event of another aggregate, that no task code knows (and that stays
// out of the course's registry).
const InvoiceIssued = defineEvent({
  eventType: 'InvoiceIssued',
  aggregateType: 'Invoice',
  schema: z.object({ amount: z.number() }),
  registry: false,
})
const invoice = () =>
  new InvoiceIssued({ aggregateId: 'inv-7', aggregateVersion: 1, amount: 90 })

/** Calls `what` on the trail; fails with the error it threw, explained. */
function call(trail: AuditTrail, what: 'start' | 'stop', bus?: unknown) {
  try {
    if (what === 'start') trail.start(bus as InMemoryEventBus)
    else trail.stop()
  } catch (error) {
    assert.fail(`${what}() threw ${quoted(error)}.`)
  }
}

/**
 * Awaits a save or a publish; when the trail's handler failed in it, fails
 * with what the handler threw, and why a handler may throw that.
 */
async function delivered(work: Promise<void>, what: string): Promise<void> {
  try {
    await work
  } catch (error) {
    if (!(error instanceof EventPublishError)) throw error
    const thrown = error.failures[0]?.error
    const lostThis =
      thrown instanceof TypeError && /of undefined/.test(thrown.message)
    assert.fail(
      `While ${what}, the trail's handler threw ${quoted(thrown)}.` +
        (lostThis
          ? ' A method handed to subscribeAll() as it is loses its ' +
            '`this`: hand it an arrow function instead, such as ' +
            '(event) => this.record(event).'
          : ''),
    )
  }
}

for (const target of await checkTargets('07-2')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { AuditTrail } = loaded.module

    /** A trail started on a bus a task repository publishes to. */
    async function started() {
      const wired = await wireTasks()
      const trail = new AuditTrail()
      call(trail, 'start', wired.bus)
      return { ...wired, trail }
    }

    describe('checks', () => {
      test(
        'records each event a repository saves, in order, as ' +
          '"<aggregateType> <aggregateId> v<version> <eventType>"',
        async () => {
          const { tasks, trail } = await started()
          const task = tasks.createNew('task-1')
          task.create('Audit me')
          task.assign('alice')
          await delivered(tasks.save(task), 'a task was saved')
          const other = tasks.createNew('task-2')
          other.create('Me too')
          await delivered(tasks.save(other), 'a task was saved')
          task.complete('alice')
          await delivered(tasks.save(task), 'a task was saved')
          const expected = [
            'Task task-1 v1 TaskCreated',
            'Task task-1 v2 TaskAssigned',
            'Task task-2 v1 TaskCreated',
            'Task task-1 v3 TaskCompleted',
          ]
          assert.deepEqual(
            trail.lines,
            expected,
            'After three saves (task-1 created and assigned, task-2 ' +
              'created, task-1 completed), lines is ' +
              `${shown(trail.lines)}; expected ${shown(expected)}.`,
          )
        },
      )

      test('records events of every type and every aggregate', async () => {
        const { bus, trail } = await started()
        await delivered(bus.publish([invoice()]), 'an event was published')
        assert.deepEqual(
          trail.lines,
          ['Invoice inv-7 v1 InvoiceIssued'],
          'An InvoiceIssued event, of an aggregate the trail has never ' +
            `heard of, gave lines ${shown(trail.lines)}; expected ` +
            "['Invoice inv-7 v1 InvoiceIssued']. Subscribe to every " +
            'event with bus.subscribeAll(), not to a list of classes, ' +
            'and read only the fields every event has.',
        )
      })

      test('stop() ends the subscription, and keeps the lines', async () => {
        const { bus, trail } = await started()
        await delivered(bus.publish([invoice()]), 'an event was published')
        call(trail, 'stop')
        const later = new InvoiceIssued({
          aggregateId: 'inv-8',
          aggregateVersion: 1,
          amount: 10,
        })
        await delivered(bus.publish([later]), 'an event was published')
        assert.deepEqual(
          trail.lines,
          ['Invoice inv-7 v1 InvoiceIssued'],
          `After stop(), and one more event published, lines is ` +
            `${shown(trail.lines)}; expected the line of the event before ` +
            'stop() alone. stop() calls the Unsubscribe that ' +
            'subscribeAll() returned in start(), and leaves the lines ' +
            'as they are.',
        )
      })

      test('a trail never started stops without an error', () => {
        call(new AuditTrail(), 'stop')
      })

      test(
        'two trails on one bus each record every event, and stopping one ' +
          'leaves the other running',
        async () => {
          const bus = new InMemoryEventBus()
          const [first, second] = [new AuditTrail(), new AuditTrail()]
          call(first, 'start', bus)
          call(second, 'start', bus)
          await delivered(bus.publish([invoice()]), 'an event was published')
          call(first, 'stop')
          await delivered(bus.publish([invoice()]), 'an event was published')
          assert.deepEqual(
            [first.lines.length, second.lines.length],
            [1, 2],
            'Two trails started on one bus, an event, the first stopped, ' +
              'an event: they hold ' +
              `${first.lines.length} and ${second.lines.length} lines; ` +
              'expected 1 and 2. Each trail keeps its own Unsubscribe ' +
              'and its own lines.',
          )
        },
      )
    })
  })
}
