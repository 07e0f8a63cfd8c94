/** Checks exercise 01-1 (a balance rebuilt from events). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import { money, type AccountEvent } from '../account.ts'
import { aliceHistory, historyOf } from '../history.ts'
import {
  checkTargets,
  importTarget,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/01-introduction/01-1-balance.ts')

/** Opened on 1 June, $100.00 in on the 2nd, $40.00 out on the 3rd. */
const june = historyOf('acc-check', [
  ['2025-06-01T09:00:00Z', 'teller-1', { open: 'Check' }],
  ['2025-06-02T12:00:00Z', 'teller-1', { deposit: 100_00 }],
  ['2025-06-03T12:00:00Z', 'atm-9', { withdraw: 40_00 }],
])
const [opened, deposited, withdrawn] = june as [
  AccountEvent,
  AccountEvent,
  AccountEvent,
]

/** A balance in the learner's terms: dollars, and the cents returned. */
const shown = (cents: unknown) =>
  typeof cents === 'number'
    ? `${money(cents)} (${cents} cents)`
    : typeof cents === 'string'
      ? `the string ${JSON.stringify(cents)}`
      : String(cents)

for (const target of await checkTargets('01-1')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { balanceOf, balanceAt } = loaded.module

    /** Checks a balance, saying what it is after which events. */
    function expectBalance(
      got: number,
      cents: number,
      after: string,
      fix: string,
    ): void {
      assert.equal(
        got,
        cents,
        `After ${after}, the balance is ${shown(cents)}, ` +
          `but your function returned ${shown(got)}: ${fix}`,
      )
    }

    describe('checks', () => {
      test('an account just opened has a balance of 0', () => {
        expectBalance(
          balanceOf([opened]),
          0,
          'AccountOpened alone',
          'opening an account starts it at 0.',
        )
      })

      test('a deposit adds its amount', () => {
        expectBalance(
          balanceOf([opened, deposited]),
          100_00,
          'AccountOpened and a MoneyDeposited of $100.00',
          'add event.amount for a MoneyDeposited. Amounts are in cents.',
        )
      })

      test('a withdrawal takes its amount away', () => {
        expectBalance(
          balanceOf(june),
          60_00,
          'a deposit of $100.00 and a withdrawal of $40.00',
          'subtract event.amount for a MoneyWithdrawn.',
        )
      })

      test("Alice's five events give the balance the lesson shows", () => {
        expectBalance(
          balanceOf(aliceHistory),
          310_00,
          "Alice's history (npm run lesson 1 -- --section replay)",
          'go through every event, in order, as the checks above say.',
        )
      })

      test('balanceAt counts the events that had happened by then', () => {
        expectBalance(
          balanceAt(june, new Date('2025-06-02T18:00:00Z')),
          100_00,
          'the deposit of 2 June, at 18:00 that day (the withdrawal ' +
            'of the 3rd had not happened yet)',
          'count only the events whose occurredAt is at or before the ' +
            'moment.',
        )
      })

      test('balanceAt counts an event at that very moment', () => {
        expectBalance(
          balanceAt(june, withdrawn.occurredAt),
          60_00,
          'the withdrawal, at the moment it happened',
          'an event that happened exactly at the moment counts: compare ' +
            'with <=, not <.',
        )
      })

      test('balanceAt before the account was opened is 0', () => {
        expectBalance(
          balanceAt(june, new Date('2025-05-31T00:00:00Z')),
          0,
          'nothing (31 May, before the account was opened)',
          'with no events, the balance is 0.',
        )
      })

      test('balanceAt after the last event is the balance now', () => {
        expectBalance(
          balanceAt(aliceHistory, new Date('2030-01-01T00:00:00Z')),
          310_00,
          "all of Alice's events (a moment after the last one)",
          'every event had happened by then.',
        )
      })
    })
  })
}
