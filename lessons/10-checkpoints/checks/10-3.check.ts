/** Checks exercise 10-3 (a health check from the lag). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  InMemoryCheckpointRepository,
  SubscriptionManager,
  type EventSubscriber,
  type SubscriptionStatus,
} from 'eventsource-ts'
import { shopWith } from '../shop.ts'
import { Revenue } from '../revenue.ts'
import {
  checkTargets,
  importTarget,
} from '../../../tools/workbook/check-targets.ts'

type Answer = typeof import('../../../solutions/10-checkpoints/10-3-health.ts')

/** A manager on a new store of 40 orders, stopped after the check. */
async function managerOf40() {
  const store = await shopWith(40)
  const subscriptions = new SubscriptionManager({
    eventStore: store,
    checkpointRepository: new InMemoryCheckpointRepository(),
  })
  return { store, subscriptions }
}

/** The status of a subscription that has caught up with 40 orders: live. */
async function liveStatus(): Promise<SubscriptionStatus> {
  const { subscriptions } = await managerOf40()
  await using _ = subscriptions
  subscriptions.subscribe(new Revenue())
  await subscriptions.start()
  return subscriptions.status('revenue')
}

/**
 * The status of a subscription in the middle of its catch-up: its handler
 * is held at order 5, so it is done with 4 of 40.
 */
async function catchingUpStatus(): Promise<SubscriptionStatus> {
  const { subscriptions } = await managerOf40()
  await using _ = subscriptions
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  let reached!: () => void
  const atFive = new Promise<void>((resolve) => (reached = resolve))
  const slow: EventSubscriber = {
    name: 'slow',
    async handle(stored) {
      if (stored.globalPosition !== 5) return
      reached()
      await held
    },
  }
  subscriptions.subscribe(slow)
  // start() resolves once caught up; here it rejects, stopped before.
  subscriptions.start().catch(() => undefined)
  await atFive
  const status = subscriptions.status('slow')
  release()
  return status
}

/** The status of a subscription whose handler fails on order 3. */
async function failedStatus(): Promise<SubscriptionStatus> {
  const { subscriptions } = await managerOf40()
  await using _ = subscriptions
  const broken: EventSubscriber = {
    name: 'broken',
    handle(stored) {
      if (stored.globalPosition === 3)
        throw new Error('The handler cannot read order 3.')
    },
  }
  subscriptions.subscribe(broken, { retry: { maxAttempts: 1 } })
  await subscriptions.start().catch(() => undefined)
  return subscriptions.status('broken')
}

/** The status of a subscription that caught up, then was stopped. */
async function stoppedStatus(): Promise<SubscriptionStatus> {
  const { subscriptions } = await managerOf40()
  subscriptions.subscribe(new Revenue())
  await subscriptions.start()
  await subscriptions.stop()
  return subscriptions.status('revenue')
}

/** A status as status() gives it, with what a check needs. */
const status = (
  state: SubscriptionStatus['state'],
  lag: number,
): SubscriptionStatus => ({
  state,
  position: 1000 - lag,
  lag,
  lastError: undefined,
})

const shown = ({ state, position, lag }: SubscriptionStatus) =>
  `{ state: '${state}', position: ${position}, lag: ${lag} }`

for (const target of await checkTargets('10-3')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { projectionHealth } = loaded.module

    /** Checks the health it gives a status, and returns its reason. */
    function expectHealth(
      given: SubscriptionStatus,
      maxLag: number | undefined,
      expected: string,
      why: string,
    ): string {
      const report =
        maxLag === undefined
          ? projectionHealth(given)
          : projectionHealth(given, maxLag)
      const limit = maxLag === undefined ? '' : `, ${maxLag}`
      assert.equal(
        report.health,
        expected,
        `projectionHealth(${shown(given)}${limit}) is ` +
          `'${report.health}'; expected '${expected}': ${why}`,
      )
      assert.ok(
        typeof report.reason === 'string' && report.reason.trim() !== '',
        'give every report a reason: a sentence for the dashboard',
      )
      return report.reason
    }

    describe('checks', () => {
      test('a live subscription that has caught up is healthy', async () => {
        expectHealth(await liveStatus(), 100, 'healthy', 'it is live, lag 0.')
      })

      test(
        'one catching up is healthy within maxLag, degraded beyond it, ' +
          'and says how far behind it is',
        async () => {
          const catching = await catchingUpStatus()
          assert.equal(catching.lag, 36) // the checks' own premise
          expectHealth(
            catching,
            100,
            'healthy',
            '36 positions behind is within a maxLag of 100.',
          )
          const reason = expectHealth(
            catching,
            10,
            'degraded',
            'it runs, but 36 positions behind, more than 10.',
          )
          assert.ok(
            reason.includes('36'),
            `The reason "${reason}" should say how far behind it is: 36.`,
          )
        },
      )

      test(
        'the lag may reach maxLag, not pass it; maxLag is 100 unless ' +
          'given',
        () => {
          expectHealth(
            status('live', 10),
            10,
            'healthy',
            'a lag of maxLag is fine.',
          )
          expectHealth(
            status('live', 11),
            10,
            'degraded',
            'a lag more than maxLag is not.',
          )
          expectHealth(
            status('catching-up', 100),
            undefined,
            'healthy',
            'maxLag is 100 when not given.',
          )
          expectHealth(
            status('catching-up', 101),
            undefined,
            'degraded',
            'maxLag is 100 when not given.',
          )
        },
      )

      test(
        'a failed subscription is unhealthy, and its reason is its ' + 'error',
        async () => {
          const failed = await failedStatus()
          const reason = expectHealth(
            failed,
            100,
            'unhealthy',
            'it has failed, and handles nothing until it is started again, ' +
              'however small its lag.',
          )
          assert.ok(
            reason.includes('The handler cannot read order 3'),
            `The reason "${reason}" should say why it failed: put ` +
              "status.lastError's message in it.",
          )
        },
      )

      test('a stopped subscription is unhealthy, even at lag 0', async () => {
        const reason = expectHealth(
          await stoppedStatus(),
          100,
          'unhealthy',
          'it is stopped at lag 0, and will fall behind from the next event ' +
            'on: nothing handles them.',
        )
        assert.ok(
          reason.includes('40'),
          `The reason "${reason}" should name the position it stopped at, 40.`,
        )
      })
    })
  })
}
