/** Checks exercise 06-3 (a read model in a SQLite table). */
import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { describe, onTestFinished, test } from 'vitest'
import {
  complete,
  create,
  fedFromLog,
  reopen,
  reset,
} from '../check-support.ts'
import { feed } from '../feed.ts'
import type { Step } from '../history.ts'
import { shown } from '../../shown.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/06-projections/06-3-completions.ts')

/** A new database in memory, closed once the check is done. */
function database(): Database.Database {
  const db = new Database(':memory:')
  onTestFinished(() => {
    db.close()
  })
  return db
}

/** The completions table as its rows are, read with SQL. */
const rowsOf = (db: Database.Database) =>
  db
    .prepare('SELECT task_id, completed_by FROM completions ORDER BY task_id')
    .all()

/** Four tasks: t1 and t3 completed by alice, t2 by bob, t4 pending. */
const completions: Step[] = [
  ...['t1', 't2', 't3', 't4'].map((id) => create(id)),
  complete('t1', 'alice'),
  complete('t2', 'bob'),
  complete('t3', 'alice'),
]

for (const target of await checkTargets('06-3')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { CompletionsTable } = loaded.module

    /** A table in a new database, fed the events of `steps`. */
    async function tableAfter(steps: Step[]) {
      const db = database()
      const { projection, store } = await fedFromLog(
        new CompletionsTable(db),
        steps,
      )
      return { db, table: projection, store }
    }

    describe('checks', () => {
      test('each completed task is a row of the table', async () => {
        const { db } = await tableAfter(completions)
        const rows = rowsOf(db)
        const expected = [
          { task_id: 't1', completed_by: 'alice' },
          { task_id: 't2', completed_by: 'bob' },
          { task_id: 't3', completed_by: 'alice' },
        ]
        assert.deepEqual(
          rows,
          expected,
          'After t1 and t3 were completed by alice and t2 by bob, ' +
            `SELECT * FROM completions gives ${shown(rows)}; expected ` +
            `${shown(expected)}. The read model lives in the table: ` +
            'INSERT a row for each TaskCompleted.',
        )
      })

      test(
        "a reopened task's row is deleted; completed again, its row " +
          'names who completed it then',
        async () => {
          const history = [
            create('t1'),
            complete('t1', 'alice'),
            reopen('t1', 'bob'),
          ]
          const reopened = rowsOf((await tableAfter(history)).db)
          assert.deepEqual(
            reopened,
            [],
            'After t1 was completed, then reopened, the completions ' +
              `table holds ${shown(reopened)}; expected no row. DELETE ` +
              "the task's row for each TaskReopened.",
          )
          let again: unknown[] = []
          try {
            const { db } = await tableAfter([
              ...history,
              complete('t1', 'carol'),
            ])
            again = rowsOf(db)
          } catch (error) {
            assert.fail(
              'Completing a reopened task threw ' +
                `${quoted(error)}: its old row must be gone by then.`,
            )
          }
          const expected = [{ task_id: 't1', completed_by: 'carol' }]
          assert.deepEqual(
            again,
            expected,
            'After t1 was completed by alice, reopened, and completed by ' +
              `carol, the completions table holds ${shown(again)}; ` +
              `expected ${shown(expected)}.`,
          )
        },
      )

      test(
        "leaderboard() counts each person's completed tasks, the most " +
          'first, then by name',
        async () => {
          const { table } = await tableAfter([
            ...completions,
            create('t5'),
            create('t6'),
            complete('t5', 'carol'),
            complete('t6', 'carol'),
            complete('t4', 'bob'),
            reopen('t1', 'dave'),
          ])
          const board = table.leaderboard()
          const expected = [
            { person: 'bob', completed: 2 },
            { person: 'carol', completed: 2 },
            { person: 'alice', completed: 1 },
          ]
          assert.deepEqual(
            board,
            expected,
            `leaderboard() gives ${shown(board)}; expected ` +
              `${shown(expected)}: one line a person (GROUP BY), ` +
              'COUNT(*) AS completed, ORDER BY completed DESC, person.',
          )
        },
      )

      test('leaderboard() of an empty table is []', async () => {
        const { table } = await tableAfter([create('t1')])
        assert.deepEqual(table.leaderboard(), [])
      })

      test(
        'reset() deletes every row, and a rebuild from the log gives the ' +
          'same rows',
        async () => {
          const { db, table, store } = await tableAfter(completions)
          const live = rowsOf(db)
          await reset(table)
          const left = rowsOf(db)
          assert.deepEqual(
            left,
            [],
            `After reset(), the completions table holds ${shown(left)}; ` +
              'expected no row: DELETE FROM completions.',
          )
          try {
            await feed(table, store)
          } catch (error) {
            assert.fail(
              `Rebuilding from the log after reset() threw ${quoted(error)}.`,
            )
          }
          assert.deepEqual(rowsOf(db), live)
        },
      )
    })
  })
}
