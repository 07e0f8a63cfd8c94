/** Checks exercise 10-2 (a checkpoint saved as the events are handled). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  InMemoryCheckpointRepository,
  type EventSubscriber,
  type StoredEvent,
} from 'eventsource-ts'
import { shopWithShipments } from '../check-support.ts'
import { shopWith } from '../shop.ts'
import { Revenue } from '../revenue.ts'
import {
  describeRevenue,
  order,
  placeOrders,
  revenueOf,
  type RevenueFigures,
} from '../shop.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/10-checkpoints/10-2-catch-up.ts')

/** Revenue's figures, as a sentence: "25 orders, 936.95 EUR". */
const told = ({ orders, totalCents }: RevenueFigures) =>
  describeRevenue({ orders, totalCents })

/** The figures of orders `from` to `to`. */
function ordersBetween(from: number, to: number): RevenueFigures {
  let totalCents = 0
  for (let n = from; n <= to; n++) totalCents += order(n).totalCents
  return { orders: to - from + 1, totalCents }
}

/** A Revenue whose handler fails once, at the event at `failAt`. */
class FailsOnce extends Revenue {
  constructor(public failAt: number | undefined) {
    super()
  }

  override handle(stored: StoredEvent) {
    if (stored.globalPosition === this.failAt) {
      this.failAt = undefined
      throw new Error(`The handler failed on order ${stored.globalPosition}.`)
    }
    return super.handle(stored)
  }
}

for (const target of await checkTargets('10-2')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { catchUp } = loaded.module

    /** Checks the revenue; the message says when, and what to do. */
    function expectRevenue(
      revenue: Revenue,
      expected: RevenueFigures,
      situation: string,
      advice = '',
    ) {
      const figures = { orders: revenue.orders, totalCents: revenue.totalCents }
      assert.deepEqual(
        figures,
        expected,
        `${situation}, the revenue says ${told(figures)}; expected ` +
          `${told(expected)}. ${advice}`.trimEnd(),
      )
    }
    const readAfter =
      'readAll({ fromPosition: checkpoint }) reads the events after that ' +
      'position (0: from the first): pass the checkpoint as it is.'

    describe('checks', () => {
      test(
        'hands the projection every order, saves the position of the ' +
          'last, and returns how many it handed over',
        async () => {
          await using store = await shopWith(40)
          const checkpoints = new InMemoryCheckpointRepository()
          const revenue = new Revenue()
          const handled = await catchUp(revenue, store, checkpoints)
          expectRevenue(
            revenue,
            revenueOf(40),
            'After a first catchUp',
            readAfter,
          )
          const saved = await checkpoints.getPosition(revenue.name)
          assert.equal(
            saved,
            40,
            `After a catchUp of orders 1 to 40, the checkpoint of ` +
              `"${revenue.name}" is ${saved}: save the global position of ` +
              'each event handled, under the projection’s name.',
          )
          assert.equal(handled, 40, 'catchUp() returns how many it handled')
        },
      )

      test(
        'starts after the saved checkpoint: from 25, it hands over orders ' +
          '26 to 40',
        async () => {
          await using store = await shopWith(40)
          const checkpoints = new InMemoryCheckpointRepository()
          const revenue = new Revenue()
          await checkpoints.savePosition(revenue.name, 25)
          const handled = await catchUp(revenue, store, checkpoints)
          expectRevenue(
            revenue,
            ordersBetween(26, 40),
            'With checkpoint 25 saved before it',
            readAfter,
          )
          assert.equal(handled, 15)
        },
      )

      test(
        'run again, it hands over only the orders placed since, and none ' +
          'when there are none',
        async () => {
          await using store = await shopWith(40)
          const checkpoints = new InMemoryCheckpointRepository()
          const revenue = new Revenue()
          await catchUp(revenue, store, checkpoints)
          await placeOrders(store, 3, 41)
          const again = await catchUp(revenue, store, checkpoints)
          const last = await catchUp(revenue, store, checkpoints)
          expectRevenue(
            revenue,
            revenueOf(43),
            'After 40 orders, 3 more, and three catchUps',
          )
          assert.deepEqual(
            [again, last],
            [3, 0],
            `The second catchUp, after 3 new orders, handed over ${again}, ` +
              `and the third, with nothing new, ${last}: read the events ` +
              'after the checkpoint (fromPosition means "after").',
          )
        },
      )

      test(
        'reads only the projection’s event types, and saves the global ' +
          'position of the last event it handled',
        async () => {
          // Orders 1 to 10; each even one is shipped right after it is placed.
          await using store = await shopWithShipments(10)
          const checkpoints = new InMemoryCheckpointRepository()
          const seen: string[] = []
          const orders: EventSubscriber = {
            name: 'orders',
            eventTypes: ['OrderPlaced'],
            handle({ event }) {
              seen.push(event.eventType)
            },
          }
          await catchUp(orders, store, checkpoints)
          const others = seen.filter((type) => type !== 'OrderPlaced')
          assert.deepEqual(
            others,
            [],
            `The projection asked for OrderPlaced events only, and was ` +
              `handed ${others.length} others: pass its eventTypes to ` +
              'readAll().',
          )
          const saved = await checkpoints.getPosition('orders')
          assert.equal(
            saved,
            14,
            `Order 10 is at global position 14 (shipments stand between ` +
              `the orders), but the checkpoint is ${saved}: save ` +
              'stored.globalPosition, not a count of the events.',
          )
          const again = await catchUp(orders, store, checkpoints)
          assert.equal(again, 0, 'a second catchUp has nothing to hand over')
        },
      )

      test(
        'a handler that throws stops catchUp with its error; the ' +
          'checkpoint is the event before, and the next catchUp starts ' +
          'with the one that failed',
        async () => {
          await using store = await shopWith(40)
          const checkpoints = new InMemoryCheckpointRepository()
          const revenue = new FailsOnce(7)
          let thrown: unknown
          try {
            await catchUp(revenue, store, checkpoints)
          } catch (error) {
            thrown = error
          }
          assert.ok(
            thrown instanceof Error && thrown.message.includes('order 7'),
            'The handler threw on order 7, and catchUp() ' +
              (thrown === undefined
                ? 'did not throw: let the error through, so that the app ' +
                  'knows the projection is behind.'
                : `threw ${quoted(thrown)} instead of the handler's error.`),
          )
          const saved = await checkpoints.getPosition(revenue.name)
          assert.equal(
            saved,
            6,
            `The handler failed on order 7, and the checkpoint is ${saved}; ` +
              'expected 6, the last order handled. ' +
              (saved > 6
                ? 'Save an event’s position after the projection has ' +
                  'handled it: the next catchUp would skip order 7.'
                : 'Save after each event: the next catchUp would hand ' +
                  'orders 1 to 6 over again, and count them twice.'),
          )
          await catchUp(revenue, store, checkpoints)
          expectRevenue(
            revenue,
            revenueOf(40),
            'After the failed catchUp and the next one',
          )
        },
      )
    })
  })
}
