/** Checks exercise 04-3 (a retry after a lost reply writes nothing twice). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import { OptimisticLockError } from 'eventsource-ts'
import { storeWithTask } from '../check-support.ts'
import { historyOf } from '../task-history.ts'
import {
  ConnectionLostError,
  UnreliableLink,
  type Loss,
} from '../unreliable-link.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/04-event-stores/04-3-lost-reply.ts')

const TASK = 'task-1'
const COMPLETED_ONCE = 'v1 TaskCreated, v2 TaskCompleted'

/** A store holding task-1 at version 1, behind a link losing `losses`. */
async function linkTo(...losses: Loss[]): Promise<UnreliableLink> {
  return new UnreliableLink(await storeWithTask(TASK), losses)
}

for (const target of await checkTargets('04-3')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { completeReliably } = loaded.module

    /** completeReliably() through `link`, which must return. */
    async function complete(
      link: UnreliableLink,
      situation: string,
      advice = '',
    ) {
      try {
        return await completeReliably(link.append, TASK, 'alice', 1, 3)
      } catch (error) {
        return assert.fail(
          `${situation}, completeReliably() threw ${quoted(error)}, ` +
            `having sent ${link.sent} appends; the stream holds ` +
            `${await historyOf(link.store, TASK)}.${advice}`,
        )
      }
    }

    /** completeReliably() through `link`, which must throw. */
    async function refusal(
      link: UnreliableLink,
      expectedVersion: number,
      maxAttempts: number,
      situation: string,
    ): Promise<unknown> {
      let delivery
      try {
        delivery = await completeReliably(
          link.append,
          TASK,
          'alice',
          expectedVersion,
          maxAttempts,
        )
      } catch (error) {
        quoted(error) // a TODO comes out as it is
        return error
      }
      return assert.fail(
        `${situation}, completeReliably() must throw, but it returned ` +
          `after ${delivery.attempts} attempts (${link.sent} sent). ` +
          'Count the attempts; once maxAttempts have failed, throw the ' +
          "last attempt's error.",
      )
    }

    describe('checks', () => {
      test(
        'with nothing lost, one attempt writes the ' + 'TaskCompleted',
        async () => {
          const link = await linkTo()
          const { result, attempts } = await complete(link, 'With no loss')
          assert.equal(
            await historyOf(link.store, TASK),
            COMPLETED_ONCE,
            'completeReliably() must append one TaskCompleted',
          )
          assert.deepEqual(
            { attempts, sent: link.sent, skipped: result.skipped },
            { attempts: 1, sent: 1, skipped: 0 },
            'with nothing lost, one attempt: the store writes the event ' +
              'and replies skipped 0; return its result and attempts: 1',
          )
        },
      )

      test(
        'after a lost request, the second attempt writes ' + 'the event',
        async () => {
          const link = await linkTo('request')
          const situation = 'After a lost request'
          const { result, attempts } = await complete(link, situation)
          assert.equal(await historyOf(link.store, TASK), COMPLETED_ONCE)
          assert.deepEqual(
            { attempts, skipped: result.skipped },
            { attempts: 2, skipped: 0 },
            `${situation}, the second attempt writes the event: ` +
              'return attempts: 2 and its result',
          )
        },
      )

      test(
        'after a lost reply, the second attempt writes nothing: the ' +
          'store skips the event it already holds',
        async () => {
          const link = await linkTo('reply')
          const situation =
            'The first append was written, but its reply was lost. ' +
            'On the retry'
          const { result, attempts } = await complete(
            link,
            situation,
            ' An OptimisticLockError here means the retry sent another ' +
              'TaskCompleted, with a new eventId: the store could not ' +
              'know it for a retry, and the first one had moved the ' +
              'stream on. Build the event once, before the first ' +
              'attempt, and send the same one again: the store skips an ' +
              'event whose eventId it holds.',
          )
          const history = await historyOf(link.store, TASK)
          assert.equal(
            history,
            COMPLETED_ONCE,
            'after a lost reply, the stream must hold one TaskCompleted; ' +
              `it holds ${history}`,
          )
          assert.deepEqual(
            {
              attempts,
              newVersion: result.newVersion,
              skipped: result.skipped,
            },
            { attempts: 2, newVersion: 2, skipped: 1 },
            'the retry must be the same append, with the same event: the ' +
              'store, which holds it, reports skipped 1 and newVersion 2',
          )
        },
      )

      test(
        'it gives up after maxAttempts, throwing the last ' +
          'ConnectionLostError',
        async () => {
          for (const maxAttempts of [3, 2]) {
            const link = await linkTo('request', 'reply', 'request', 'reply')
            const error = await refusal(
              link,
              1,
              maxAttempts,
              `With every message lost and maxAttempts ${maxAttempts}`,
            )
            assert.ok(
              error instanceof ConnectionLostError && link.sent === maxAttempts,
              `With every message lost and maxAttempts ${maxAttempts}, ` +
                `completeReliably() must send ${maxAttempts} appends, ` +
                'then throw the last ConnectionLostError; it sent ' +
                `${link.sent}, then threw ${quoted(error)}. Count the ` +
                'attempts, and stop at maxAttempts.',
            )
          }
        },
      )

      test('a conflict is thrown at once, not sent again', async () => {
        const link = await linkTo()
        // The task is at version 1: expecting NO_STREAM is stale.
        const situation = 'Expecting a stale version (0 on a task at 1)'
        const error = await refusal(link, 0, 3, situation)
        assert.ok(
          error instanceof OptimisticLockError && link.sent === 1,
          `${situation}, completeReliably() must throw the ` +
            'OptimisticLockError after one attempt; it sent ' +
            `${link.sent} appends, then threw ${quoted(error)}. Retry ` +
            'only a ConnectionLostError: a conflict stays a conflict, ' +
            'however often it is sent.',
        )
      })
    })
  })
}
