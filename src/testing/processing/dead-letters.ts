import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from '../../errors.ts'
import type { Harness } from './harness.ts'

export function describeDeadLetters(h: Harness): void {
  describe('dead letters', () => {
    it('are recorded, listed by subscription and position, counted again on a repeat, and resolved', async () => {
      const deadLetters = h.target.deadLetters(h.store)
      const failedAt = new Date('2026-01-02T03:04:05.678Z')
      const first = await deadLetters.record({
        subscription: 'b',
        globalPosition: 9,
        eventId: '0b5e8ed4-0000-4000-8000-000000000009',
        eventType: 'MoneyDeposited',
        aggregateId: 'acc-1',
        aggregateType: 'Account',
        error: 'Error: boom',
        attempts: 3,
        failedAt,
      })
      expect(first).toEqual({
        id: expect.any(Number),
        subscription: 'b',
        globalPosition: 9,
        eventId: '0b5e8ed4-0000-4000-8000-000000000009',
        eventType: 'MoneyDeposited',
        aggregateId: 'acc-1',
        aggregateType: 'Account',
        error: 'Error: boom',
        attempts: 3,
        firstFailedAt: failedAt,
        lastFailedAt: failedAt,
        resolvedAt: undefined,
      })
      await deadLetters.record({
        subscription: 'b',
        globalPosition: 4,
        error: 'x',
        attempts: 1,
      })
      await deadLetters.record({
        subscription: 'a',
        globalPosition: 20,
        error: 'y',
        attempts: 1,
      })
      const later = new Date(failedAt.getTime() + 1000)
      const again = await deadLetters.record({
        subscription: 'b',
        globalPosition: 9,
        error: 'Error: boom again',
        attempts: 1,
        failedAt: later,
      })
      expect(again).toMatchObject({
        id: first.id,
        eventType: 'MoneyDeposited',
        error: 'Error: boom again',
        attempts: 4,
        firstFailedAt: failedAt,
        lastFailedAt: later,
      })
      const listed = (options?: Parameters<typeof deadLetters.list>[0]) =>
        deadLetters
          .list(options)
          .then((all) =>
            all.map((d) => `${d.subscription}@${d.globalPosition}`),
          )
      expect(await listed()).toEqual(['a@20', 'b@4', 'b@9'])
      expect(await listed({ subscription: 'b' })).toEqual(['b@4', 'b@9'])
      await deadLetters.resolve(first.id)
      expect(await listed({ subscription: 'b' })).toEqual(['b@4'])
      const [resolved] = (
        await deadLetters.list({ includeResolved: true })
      ).filter((d) => d.id === first.id)
      expect(resolved!.resolvedAt).toBeInstanceOf(Date)
      await deadLetters.resolve(first.id) // already resolved: nothing changes
      await deadLetters.record({
        subscription: 'b',
        globalPosition: 9,
        error: 'z',
        attempts: 1,
      })
      expect(await listed({ subscription: 'b' })).toEqual(['b@4', 'b@9'])
    })

    it('refuse a malformed record with InvalidArgumentError, writing nothing', async () => {
      const deadLetters = h.target.deadLetters(h.store)
      const good = {
        subscription: 's',
        globalPosition: 1,
        error: 'e',
        attempts: 1,
      }
      for (const bad of [
        { ...good, subscription: '' },
        { ...good, globalPosition: 0 },
        { ...good, attempts: 0 },
        { ...good, error: 42 },
        { ...good, failedAt: 'yesterday' },
        { ...good, colour: 'red' },
      ])
        await expect(deadLetters.record(bad as never)).rejects.toThrow(
          InvalidArgumentError,
        )
      await expect(deadLetters.resolve(0)).rejects.toThrow(InvalidArgumentError)
      await expect(
        deadLetters.list({ includeResolved: 'yes' } as never),
      ).rejects.toThrow(InvalidArgumentError)
      expect(await deadLetters.list({ includeResolved: true })).toEqual([])
    })
  })
}
