import { describe, expect, it } from 'vitest'
import { EventSourceError } from '../../errors.ts'
import type { StoredEvent } from '../../stores/event-store.ts'
import { SubscriptionManager } from '../../subscriptions/subscription-manager.ts'
import {
  Balances,
  Frozen,
  gate,
  openAccount,
  positionsOf,
  subscriber,
  tag,
  wideRegistry,
} from './fixtures.ts'
import type { Harness } from './harness.ts'

/** Long enough that an event arriving in time proves the subscription was woken, not polled. */
const NEVER_POLL = 60_000
const QUICK_RETRY = { maxAttempts: 3, initialDelay: 1, maxDelay: 5 }

export function describeSubscriptions(h: Harness): void {
  const manager = (pollInterval = 20) => {
    const subscriptions = new SubscriptionManager({
      eventStore: h.store,
      checkpointRepository: h.target.checkpoints(h.store),
      deadLetterStore: h.target.deadLetters(h.store),
      pollInterval,
    })
    h.later(() => subscriptions.stop())
    return subscriptions
  }

  describe('subscriptions', () => {
    it('catch up in global order, resolve start() when live, and checkpoint the head', async () => {
      await openAccount(h.store, 'acc-1')
      await tag(h.store, 'label-1')
      const head = await openAccount(h.store, 'acc-2', 3)
      const balances = new Balances()
      const subscriptions = manager()
      subscriptions.subscribe(balances, { startFrom: 'beginning' })
      await subscriptions.start()
      expect(balances.positions).toEqual(
        await positionsOf(h.store, ['AccountOpened', 'MoneyDeposited']),
      )
      expect(Object.fromEntries(balances.balances)).toEqual({
        'acc-1': 3,
        'acc-2': 6,
      })
      expect(subscriptions.status('balances')).toEqual({
        state: 'live',
        position: head,
        lag: 0,
        lastError: undefined,
      })
      expect(await h.target.checkpoints(h.store).getPosition('balances')).toBe(
        head,
      )
    })

    it('go on live with this store’s appends, woken without polling, each event once and in order', async () => {
      const seen: number[] = []
      const subscriptions = manager(NEVER_POLL)
      subscriptions.subscribe(
        subscriber('all', (s) => void seen.push(s.globalPosition)),
      )
      await subscriptions.start()
      for (let i = 0; i < 5; i++) {
        const position = await openAccount(h.store, `live-${i}`, 1)
        await subscriptions.waitForPosition(position)
      }
      expect(seen).toEqual(await positionsOf(h.store))
    })

    it('read only their event types, yet move their checkpoint past the others', async () => {
      await openAccount(h.store, 'acc-1', 1)
      const last = await tag(h.store, 'label-1')
      const balances = new Balances()
      const subscriptions = manager()
      subscriptions.subscribe(balances)
      await subscriptions.start()
      expect(balances.positions).toEqual([1, 2])
      expect(subscriptions.status('balances').position).toBe(last)
      await subscriptions.stop()
      expect(await h.target.checkpoints(h.store).getPosition('balances')).toBe(
        last,
      )
    })

    it('start from their checkpoint, the beginning, the end or a position', async () => {
      await openAccount(h.store, 'acc-1', 4) // positions 1 to 5
      await h.target.checkpoints(h.store).savePosition('from-checkpoint', 3)
      const seen = new Map<string, number[]>()
      const record = (name: string) =>
        subscriber(
          name,
          (s) =>
            void seen.set(name, [...(seen.get(name) ?? []), s.globalPosition]),
        )
      const subscriptions = manager()
      subscriptions.subscribe(record('from-checkpoint'))
      subscriptions.subscribe(record('fresh-checkpoint'))
      subscriptions.subscribe(record('beginning'), { startFrom: 'beginning' })
      subscriptions.subscribe(record('end'), { startFrom: 'end' })
      subscriptions.subscribe(record('after-2'), { startFrom: 2 })
      await subscriptions.start()
      await subscriptions.waitForPosition(
        await openAccount(h.store, 'acc-2', 0),
      ) // position 6
      expect(Object.fromEntries(seen)).toEqual({
        'from-checkpoint': [4, 5, 6],
        'fresh-checkpoint': [1, 2, 3, 4, 5, 6],
        beginning: [1, 2, 3, 4, 5, 6],
        end: [6],
        'after-2': [3, 4, 5, 6],
      })
    })

    it('miss nothing and repeat nothing when appends run through the switch from catching up to live', async () => {
      for (let i = 0; i < 10; i++) await openAccount(h.store, `before-${i}`, 4)
      const seen: number[] = []
      const subscriptions = manager(5)
      subscriptions.subscribe(
        subscriber('all', async (s) => {
          seen.push(s.globalPosition)
          if (seen.length % 5 === 0) await new Promise((r) => setTimeout(r, 0))
        }),
        { batchSize: 7 },
      )
      // The writer takes turns with the subscription, so its appends land before, during and after the switch.
      const writer = (async () => {
        for (let i = 0; i < 40; i++) {
          await openAccount(h.store, `during-${i}`, 1)
          await new Promise((r) => setImmediate(r))
        }
      })()
      await subscriptions.start()
      await writer
      await subscriptions.waitForPosition()
      expect(seen).toEqual(await positionsOf(h.store))
    })

    it('follow commits of another connection, woken at once where the backend can tell', async (context) => {
      if (!h.target.connect) return context.skip()
      const other = await h.connect()
      const seen: number[] = []
      const subscriptions = manager(
        h.target.wakesOnOtherWriters ? NEVER_POLL : 20,
      )
      subscriptions.subscribe(
        subscriber('all', (s) => void seen.push(s.globalPosition)),
      )
      await subscriptions.start()
      for (let i = 0; i < 3; i++)
        await subscriptions.waitForPosition(
          await openAccount(other, `other-${i}`, 1),
        )
      expect(seen).toEqual(await positionsOf(h.store))
    })

    it('save the checkpoint after the handler, at the end of batches, never ahead of it', async () => {
      for (let i = 0; i < 12; i++) await openAccount(h.store, `acc-${i}`, 4) // 60 events
      const checkpoints = h.target.checkpoints(h.store)
      const saved: [position: number, checkpoint: number][] = []
      const subscriptions = manager()
      subscriptions.subscribe(
        subscriber('batched', async (s) => {
          saved.push([
            s.globalPosition,
            await checkpoints.getPosition('batched'),
          ])
        }),
        { batchSize: 10 },
      )
      await subscriptions.start()
      expect(saved.map(([position]) => position)).toEqual(
        Array.from({ length: 60 }, (_, i) => i + 1),
      )
      for (const [position, checkpoint] of saved) {
        expect(checkpoint % 10, `checkpoint seen at ${position}`).toBe(0)
        expect(checkpoint).toBeLessThan(position)
      }
      // Saved during the run, not only at its end.
      expect(saved.some(([, checkpoint]) => checkpoint > 0)).toBe(true)
      expect(await checkpoints.getPosition('batched')).toBe(60)
    })

    it('stop after the event in hand, with its checkpoint saved, and resume after it', async () => {
      await openAccount(h.store, 'acc-1', 4) // positions 1 to 5
      const seen: number[] = []
      const blocked = gate()
      const reached = gate()
      const subscriptions = manager()
      subscriptions.subscribe(
        subscriber('slow', async (s) => {
          if (s.globalPosition === 3) {
            reached.open()
            await blocked.promise
          }
          seen.push(s.globalPosition)
        }),
      )
      const started = subscriptions.start().catch((e: unknown) => e)
      await reached.promise
      const stopped = subscriptions.stop()
      blocked.open()
      await stopped
      expect(await started).toMatchObject({
        code: 'SUBSCRIPTION',
        message: expect.stringMatching(/stopped before it caught up/),
      })
      expect(seen).toEqual([1, 2, 3])
      expect(subscriptions.status('slow')).toMatchObject({
        state: 'stopped',
        position: 3,
      })
      expect(await h.target.checkpoints(h.store).getPosition('slow')).toBe(3)
      await subscriptions.start()
      expect(seen).toEqual([1, 2, 3, 4, 5])
    })

    it('retry a failing handler, then stop with the checkpoint before the event', async () => {
      await openAccount(h.store, 'acc-1', 4) // positions 1 to 5
      let attempts = 0
      let broken = true
      const seen: number[] = []
      const subscriptions = manager()
      subscriptions.subscribe(
        subscriber('strict', (s) => {
          if (s.globalPosition === 4 && broken) {
            attempts++
            throw new Error('no such account')
          }
          seen.push(s.globalPosition)
        }),
        { retry: QUICK_RETRY, batchSize: 2 },
      )
      const error = await subscriptions.start().catch((e: unknown) => e)
      expect(error).toMatchObject({
        code: 'EVENT_PROCESSING',
        subscription: 'strict',
        globalPosition: 4,
        eventType: 'MoneyDeposited',
        attempts: 3,
        outcome: 'stopped',
      })
      expect((error as Error).message).toMatch(
        /no such account.*start it again/,
      )
      expect(attempts).toBe(3)
      expect(subscriptions.status('strict')).toMatchObject({
        state: 'failed',
        position: 3,
        lastError: error,
      })
      expect(await h.target.checkpoints(h.store).getPosition('strict')).toBe(3)
      await expect(subscriptions.waitForPosition(5)).rejects.toBe(error)
      broken = false
      await subscriptions.start()
      expect(seen).toEqual([1, 2, 3, 4, 5])
    })

    it('set a failing event aside as a dead letter, go on, and replay it once the handler is fixed', async () => {
      const head = await openAccount(h.store, 'acc-1', 4)
      let broken = true
      const seen: number[] = []
      const subscriptions = manager()
      subscriptions.subscribe(
        subscriber('lenient', (s) => {
          if (s.globalPosition === 2 && broken)
            throw new TypeError('bad amount')
          seen.push(s.globalPosition)
        }),
        { retry: QUICK_RETRY, onError: 'dead-letter' },
      )
      await subscriptions.start()
      expect(seen).toEqual([1, 3, 4, 5])
      expect(subscriptions.status('lenient')).toMatchObject({
        state: 'live',
        position: head,
        lastError: expect.objectContaining({
          outcome: 'dead-lettered',
          globalPosition: 2,
        }),
      })
      const deadLetters = h.target.deadLetters(h.store)
      const [letter] = await deadLetters.list({ subscription: 'lenient' })
      expect(letter).toMatchObject({
        globalPosition: 2,
        eventType: 'MoneyDeposited',
        aggregateId: 'acc-1',
        aggregateType: 'Account',
        error: 'TypeError: bad amount',
        attempts: 3,
      })
      expect(await subscriptions.replayDeadLetters('lenient')).toEqual({
        replayed: 0,
        failed: 1,
      })
      expect((await deadLetters.list())[0]!.attempts).toBe(4)
      broken = false
      expect(await subscriptions.replayDeadLetters('lenient')).toEqual({
        replayed: 1,
        failed: 0,
      })
      expect(seen).toEqual([1, 3, 4, 5, 2])
      expect(await deadLetters.list()).toEqual([])
      expect(await subscriptions.replayDeadLetters('lenient')).toEqual({
        replayed: 0,
        failed: 0,
      })
    })

    it('treat a stored event they cannot read as one they cannot process', async (context) => {
      if (!h.target.connect) return context.skip()
      const writer = await h.connect(wideRegistry)
      await openAccount(h.store, 'acc-1', 0)
      await writer.appendEvents({
        aggregateId: 'acc-1',
        aggregateType: 'Account',
        events: [new Frozen({ aggregateId: 'acc-1', aggregateVersion: 2 })],
        expectedVersion: 1,
      })
      const head = await openAccount(h.store, 'acc-2', 0)
      const seen: StoredEvent[] = []
      const subscriptions = manager()
      subscriptions.subscribe(
        subscriber('everything', (s) => void seen.push(s)),
        {
          onError: 'dead-letter',
        },
      )
      await subscriptions.start()
      expect(seen.map((s) => s.globalPosition)).toEqual([1, head])
      const [letter] = await h.target.deadLetters(h.store).list()
      expect(letter).toMatchObject({
        globalPosition: 2,
        eventType: 'AccountFrozen',
      })
      expect(letter!.error).toMatch(/Unknown event type "AccountFrozen"/)

      const strict = manager()
      strict.subscribe(subscriber('strict', () => undefined))
      const error = await strict.start().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(EventSourceError)
      expect(error).toMatchObject({
        code: 'EVENT_PROCESSING',
        globalPosition: 2,
        attempts: 1,
      })
      expect(strict.status('strict')).toMatchObject({
        state: 'failed',
        position: 1,
      })
    })
  })
}
