import { describe, expect, it } from 'vitest'
import { AggregateRepository } from '../../aggregates/aggregate-repository.ts'
import { InvalidArgumentError } from '../../errors.ts'
import { SnapshotError } from '../../snapshots/snapshot-error.ts'
import type { Snapshot } from '../../snapshots/snapshot-store.ts'
import { AccountAggregate } from './fixtures.ts'
import type { Harness } from './harness.ts'

const snapshot = (overrides: Partial<Snapshot> = {}): Snapshot => ({
  aggregateId: 'acc-1',
  aggregateType: 'Account',
  version: 5,
  schemaVersion: 1,
  state: {
    owner: 'Ada',
    balance: 10.5,
    tags: ['a', null],
    nested: { ok: true },
  },
  createdAt: new Date('2026-03-04T05:06:07.089Z'),
  ...overrides,
})

export function describeSnapshots(h: Harness): void {
  describe('snapshots', () => {
    it('are undefined until saved, read back exactly, one a stream, the latest winning; delete removes', async () => {
      const snapshots = h.target.snapshots(h.store)
      expect(await snapshots.get('acc-1', 'Account')).toBeUndefined()
      await snapshots.save(snapshot())
      await snapshots.save(snapshot({ aggregateType: 'Other', version: 1 }))
      expect(await snapshots.get('acc-1', 'Account')).toEqual(snapshot())
      await snapshots.save(
        snapshot({ version: 9, schemaVersion: 2, state: [1, 2] }),
      )
      expect(await snapshots.get('acc-1', 'Account')).toEqual(
        snapshot({ version: 9, schemaVersion: 2, state: [1, 2] }),
      )
      await snapshots.delete('acc-1', 'Account')
      expect(await snapshots.get('acc-1', 'Account')).toBeUndefined()
      expect((await snapshots.get('acc-1', 'Other'))?.version).toBe(1)
    })

    it('refuse a snapshot that is not JSON or has a bad version, saving nothing', async () => {
      const snapshots = h.target.snapshots(h.store)
      for (const bad of [
        snapshot({ state: { when: new Date() } as never }),
        snapshot({ state: { n: Number.NaN } }),
        snapshot({ version: 0 }),
        snapshot({ schemaVersion: 1.5 }),
        snapshot({ aggregateId: '' }),
        snapshot({ createdAt: new Date('nonsense') }),
      ])
        await expect(snapshots.save(bad)).rejects.toThrow(InvalidArgumentError)
      expect(await snapshots.get('acc-1', 'Account')).toBeUndefined()
    })

    it('a damaged stored snapshot is a SnapshotError, and a load replays the stream instead', async (context) => {
      if (!h.target.damageSnapshot) return context.skip()
      const snapshots = h.target.snapshots(h.store)
      const errors: SnapshotError[] = []
      const repository = new AggregateRepository({
        eventStore: h.store,
        aggregateFactory: AccountAggregate,
        snapshotStore: snapshots,
        snapshotThreshold: 2,
        onSnapshotError: (error) => void errors.push(error),
      })
      const account = repository.createNew('acc-d')
      account.open('Ada')
      account.deposit(5)
      await repository.save(account)
      expect((await snapshots.get('acc-d', 'Account'))?.version).toBe(2)
      await h.target.damageSnapshot(h.store, 'acc-d', 'Account')
      await expect(snapshots.get('acc-d', 'Account')).rejects.toThrow(
        SnapshotError,
      )
      const loaded = await repository.load('acc-d')
      expect(loaded.state).toEqual(account.state)
      expect(loaded.version).toBe(2)
      expect(errors).toHaveLength(1)
      expect(errors[0]!.message).toMatch(/replays the stream instead/)
    })

    it('AggregateRepository snapshots when a save crosses a multiple of the threshold, and loads from it', async () => {
      const snapshots = h.target.snapshots(h.store)
      const repository = new AggregateRepository({
        eventStore: h.store,
        aggregateFactory: AccountAggregate,
        snapshotStore: snapshots,
        snapshotThreshold: 3,
      })
      const account = repository.createNew('acc-s')
      account.open('Ada')
      account.deposit(1)
      await repository.save(account) // version 2: below 3
      expect(await snapshots.get('acc-s', 'Account')).toBeUndefined()
      for (const amount of [2, 3, 4, 5]) account.deposit(amount)
      await repository.save(account) // 2 → 6 jumps over 3 and lands on 6
      expect((await snapshots.get('acc-s', 'Account'))?.version).toBe(6)
      account.deposit(6)
      await repository.save(account) // 7
      const loaded = await repository.load('acc-s')
      expect(loaded.version).toBe(7)
      expect(loaded.state).toEqual({ owner: 'Ada', balance: 21, deposits: 6 })
      // A snapshot of another schema version is ignored: the stream says the same.
      await snapshots.save({
        ...(await snapshots.get('acc-s', 'Account'))!,
        schemaVersion: 2,
        state: { owner: 'wrong' },
      })
      expect((await repository.load('acc-s')).state).toEqual(loaded.state)
    })
  })
}
