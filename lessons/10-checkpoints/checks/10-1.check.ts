/** Checks exercise 10-1 (a revenue read model that resumes exactly). */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { afterAll, describe, onTestFinished, test } from 'vitest'
import {
  InMemoryCheckpointRepository,
  SubscriptionManager,
  type EventSubscriber,
  type StoredEvent,
} from 'eventsource-ts'
import { collect } from '../../04-event-stores/collect.ts'
import { run } from '../check-support.ts'
import {
  describeRevenue,
  revenueOf,
  shopWith,
  type RevenueFigures,
} from '../shop.ts'
import { openReadModel } from '../shop-app.ts'
import {
  checkTargets,
  importTarget,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/10-checkpoints/10-1-resumable-revenue.ts')

// The checks' database files, removed after them.
const dir = mkdtempSync(join(tmpdir(), 'check-10-1-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0

/** A path for a new database file of one check. */
const newFile = () => join(dir, `revenue-${++files}.db`)

/** The figures as a sentence: "25 orders, 936.95 EUR". */
const told = (figures: RevenueFigures) => describeRevenue(figures)

for (const target of await checkTargets('10-1')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { ResumableRevenue } = loaded.module

    /** A ResumableRevenue on the database at `path`: one start of the app. */
    function open(path: string) {
      const db = openReadModel(path)
      onTestFinished(() => {
        if (db.open) db.close()
      })
      return { db, revenue: new ResumableRevenue(db) }
    }

    /**
     * The app on `path`, run until it crashes after order 25 of 40, with
     * its last checkpoint saved at 20; then reopened, as a new process.
     */
    async function crashedAfter25(path: string) {
      const store = await shopWith(40)
      const checkpoints = new InMemoryCheckpointRepository()
      const first = open(path)
      await run(store, checkpoints, first.revenue, {
        stopAfter: 25,
        crash: true,
      })
      first.db.close()
      return { store, checkpoints, ...open(path) }
    }

    /** Checks the table's figures; the message says when, and what to do. */
    function expectFigures(
      revenue: { figures(): RevenueFigures },
      expected: RevenueFigures,
      situation: string,
      advice = '',
    ) {
      const figures = revenue.figures()
      assert.deepEqual(
        figures,
        expected,
        `${situation}, the table says ${told(figures)}; expected ` +
          `${told(expected)}. ${advice}`.trimEnd(),
      )
    }

    describe('checks', () => {
      test('a new table holds no order, at position 0', () => {
        const { revenue } = open(newFile())
        expectFigures(revenue, revenueOf(0), 'New')
        assert.equal(revenue.position(), 0, 'position() of a new table')
      })

      test(
        'counts every order once, and position() is the global position ' +
          'of the last one',
        async () => {
          const store = await shopWith(40)
          const { revenue } = open(newFile())
          await run(store, new InMemoryCheckpointRepository(), revenue)
          expectFigures(
            revenue,
            revenueOf(40),
            'After 40 orders',
            'Each OrderPlaced adds one order and its totalCents.',
          )
          const position = revenue.position()
          assert.equal(
            position,
            40,
            `position() is ${position} after the events at global ` +
              'positions 1 to 40: set it to stored.globalPosition as ' +
              'the order is counted.',
          )
        },
      )

      test(
        'resumes after a restart: stopped after 25 orders, a new process ' +
          'on the same file counts the other 15',
        async () => {
          const path = newFile()
          const store = await shopWith(40)
          const checkpoints = new InMemoryCheckpointRepository()
          const first = open(path)
          await run(store, checkpoints, first.revenue, { stopAfter: 25 })
          first.db.close()
          const { revenue } = open(path)
          expectFigures(
            revenue,
            revenueOf(25),
            'Reopened after a run stopped at order 25',
            'The figures must be in the table, not in fields of the object.',
          )
          await run(store, checkpoints, revenue)
          expectFigures(
            revenue,
            revenueOf(40),
            'After the second run',
            'It resumes after checkpoint 25.',
          )
        },
      )

      test(
        'after a crash, the orders delivered again are not counted ' + 'twice',
        async () => {
          const { store, checkpoints, revenue } =
            await crashedAfter25(newFile())
          await run(store, checkpoints, revenue)
          expectFigures(
            revenue,
            revenueOf(40),
            'The app crashed after order 25, its last checkpoint at 20, ' +
              'so orders 21 to 25 were delivered again: after that second ' +
              'run',
            'An event at or before the position in the table was counted ' +
              'before the crash: skip it (change nothing), and count ' +
              'every later one.',
          )
        },
      )

      test(
        'position() says where to start: a subscription started from it ' +
          'after a crash delivers each order once',
        async () => {
          const { store, revenue } = await crashedAfter25(newFile())
          const position = revenue.position()
          assert.equal(
            position,
            25,
            `After a crash at order 25, position() is ${position}: the ` +
              'table counted orders 1 to 25, the last at global position 25.',
          )
          const delivered: number[] = []
          const counted: EventSubscriber = {
            name: revenue.name,
            eventTypes: revenue.eventTypes,
            handle(stored: StoredEvent) {
              delivered.push(stored.globalPosition)
              return revenue.handle(stored)
            },
          }
          await using subscriptions = new SubscriptionManager({
            eventStore: store,
            checkpointRepository: new InMemoryCheckpointRepository(),
          })
          subscriptions.subscribe(counted, { startFrom: position })
          await subscriptions.start()
          assert.deepEqual(
            [delivered[0], delivered.length],
            [26, 15],
            'Started from position() the subscription delivers orders 26 to ' +
              '40',
          )
          expectFigures(revenue, revenueOf(40), 'Then')
        },
      )

      test(
        'a power cut between two writes for one order: delivered again, ' +
          'the order is counted once',
        async () => {
          const store = await shopWith(6)
          const { db, revenue } = open(newFile())
          const cut = powerCutAtSecondWrite(db)
          const events = await collect(store.readAll())
          const sixth = events.pop()!
          for (const stored of events) await revenue.handle(stored)
          cut.arm()
          let failed = false
          try {
            await revenue.handle(sixth) // the power is cut mid-way
          } catch {
            failed = true
          }
          cut.disarm()
          await revenue.handle(sixth) // delivered again after the restart
          const figures = revenue.figures()
          const counted = `the table says ${told(figures)}; expected ${told(
            revenueOf(6),
          )}`
          assert.deepEqual(
            figures,
            revenueOf(6),
            failed
              ? 'The power went out between two writes of the handler for ' +
                  'order 6: the first was kept, the second lost. Delivered ' +
                  `again after the restart, ${counted}. Write the totals and ` +
                  'the position in one UPDATE, or run your statements in ' +
                  'one this.#db.transaction(...).'
              : `Order 6, delivered a second time, was counted again: ` +
                  `${counted}. Skip an event at or before the position in ` +
                  'the table.',
          )
        },
      )

      test(
        'reset() goes back to no order at position 0, and a rebuild ' +
          'counts every order once',
        async () => {
          const store = await shopWith(40)
          const { revenue } = open(newFile())
          await run(store, new InMemoryCheckpointRepository(), revenue)
          revenue.reset()
          expectFigures(
            revenue,
            revenueOf(0),
            'After reset()',
            'Set the orders and the total back to 0.',
          )
          const position = revenue.position()
          assert.equal(
            position,
            0,
            `After reset(), position() is ${position}: set it back to 0, ` +
              'or the rebuild skips every order as counted already.',
          )
          await run(store, new InMemoryCheckpointRepository(), revenue)
          expectFigures(revenue, revenueOf(40), 'Rebuilt from the log')
        },
      )
    })
  })
}

/**
 * Makes the second write to the revenue table, after arm(), fail: what a
 * power cut between the two writes of a handler does. A trigger calls a
 * function of this process before every UPDATE of the table.
 */
function powerCutAtSecondWrite(db: Database) {
  let armed = false
  let writes = 0
  db.function('power_cut', () => {
    if (armed && ++writes === 2) {
      armed = false
      throw new Error('The power went out.')
    }
    return 0
  })
  db.exec(`CREATE TEMP TRIGGER power_cut BEFORE UPDATE ON main.revenue
    BEGIN SELECT power_cut(); END`)
  return {
    arm: () => ((armed = true), (writes = 0)),
    disarm: () => (armed = false),
  }
}
