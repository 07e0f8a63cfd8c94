/** Checks exercise 01-2 (what a CRUD row forgot). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import { minute, money, type AccountEvent } from '../account.ts'
import { rowAfter } from '../crud.ts'
import { aliceHistory, historyOf } from '../history.ts'
import {
  checkTargets,
  importTarget,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/01-introduction/01-2-forgotten.ts')
type Forgotten = ReturnType<Answer['forgottenBalances']>[number]

/** Forgotten balances in the learner's terms: "$100.00 since … by …". */
function listed(balances: readonly Forgotten[]): string {
  if (balances.length === 0) return 'nothing'
  return balances
    .map(({ balance, since, by }) => {
      const when = since instanceof Date ? minute(since) : String(since)
      return `${money(balance)} since ${when} by ${by}`
    })
    .join('; ')
}

const COMPARE_TIMES =
  'Compare times with getTime(): two Date objects are never === to each ' +
  'other, even for the same moment.'

/** The balances of Alice's history, and who wrote each, when. */
const alice = [
  { balance: 0, since: '2025-03-03 09:00', by: 'teller-7' },
  { balance: 100_00, since: '2025-03-03 09:05', by: 'teller-7' },
  { balance: 60_00, since: '2025-03-10 18:30', by: 'atm-42' },
  { balance: 1_260_00, since: '2025-03-25 08:00', by: 'payroll' },
]

/** $50.00 in, then out again: the balance ends where it began, at 0. */
const inAndOut = historyOf('acc-check', [
  ['2025-06-01T09:00:00Z', 'teller-1', { open: 'Check' }],
  ['2025-06-02T12:00:00Z', 'teller-1', { deposit: 50_00 }],
  ['2025-06-03T12:00:00Z', 'atm-9', { withdraw: 50_00 }],
])

for (const target of await checkTargets('01-2')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { forgottenBalances } = loaded.module
    /** The answer for a history, and the row the CRUD app holds after it. */
    const forgotten = (history: readonly AccountEvent[]) =>
      forgottenBalances(history, rowAfter(history))

    describe('checks', () => {
      test("Alice's row forgot her first four balances, oldest first", () => {
        const got = forgotten(aliceHistory)
        const balances = got.map(({ balance }) => balance)
        const expected = alice.map(({ balance }) => balance)
        // All four, then the row's own: the replay is right, the filter not.
        const fix =
          balances.length === expected.length + 1 && balances.at(-1) === 310_00
            ? 'The last of them is the balance the row still holds: leave ' +
              'out the one written at row.updatedAt. ' +
              COMPARE_TIMES
            : 'Replay the events in order and note the balance after each.'
        assert.deepEqual(
          balances,
          expected,
          `Alice's account had $0.00, $100.00, $60.00 and $1,260.00 before ` +
            `the $310.00 the row holds, but you listed: ${listed(got)}. ` +
            fix,
        )
      })

      test('each forgotten balance says when, and by whom', () => {
        const got = forgotten(aliceHistory)
        assert.deepEqual(
          got.map(({ balance, since, by }) => ({
            balance,
            since: since instanceof Date ? minute(since) : since,
            by,
          })),
          alice,
          `Expected ${listed(
            alice.map((b) => ({ ...b, since: new Date(`${b.since}Z`) })),
          )}; you listed ${listed(got)}. since is the occurredAt of the ` +
            'event that made the balance, and by is its actorId.',
        )
      })

      test('the balance the row holds now is not forgotten', () => {
        const got = forgotten(aliceHistory)
        const current = got.filter(({ balance }) => balance === 310_00)
        assert.deepEqual(
          current,
          [],
          'The row still shows $310.00, written at 2025-04-01 10:00 by ' +
            `alice, but you listed it as forgotten: ${listed(current)}. ` +
            'Leave out the balance the row holds. ' +
            COMPARE_TIMES,
        )
      })

      test('an earlier balance equal to the current one is forgotten', () => {
        const got = forgotten(inAndOut)
        assert.deepEqual(
          got.map(({ balance, since }) => [balance, minute(since)]),
          [
            [0, '2025-06-01 09:00'],
            [50_00, '2025-06-02 12:00'],
          ],
          '$50.00 went in and out again, so the row shows $0.00, written ' +
            'on 3 June. The $0.00 of 1 June, when the account was opened, ' +
            `is a different fact, and the row lost it; you listed ` +
            `${listed(got)}. Tell the row's balance from an earlier one ` +
            'by when it was written, not by its amount alone.',
        )
      })

      test('an account opened, never changed: the row forgot nothing', () => {
        const [opened] = inAndOut
        const got = forgotten([opened!])
        assert.deepEqual(
          got,
          [],
          'The row of an account just opened holds its only balance, $0.00, ' +
            `but you listed: ${listed(got)}.`,
        )
      })
    })
  })
}
