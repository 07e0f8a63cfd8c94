import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  DuplicateEventIdError,
  EventSerializationError,
  EventTypeNotFoundError,
  EventValidationError,
  InvalidArgumentError,
  NotConnectedError,
  OptimisticLockError,
} from '../errors.ts'
import { defineEvent } from '../events/define-event.ts'
import type { DomainEvent } from '../events/domain-event.ts'
import type { EventRegistry } from '../events/registry.ts'
import {
  ExpectedVersion,
  type EventStore,
  type ReadAllOptions,
  type StoredEvent,
} from '../stores/event-store.ts'
import { deposits, Opened, opened, registry, Tagged } from './fixtures.ts'

/** A backend under test. */
export interface ContractTarget {
  name: string
  /** A new, uninitialized store over fresh, empty storage. */
  create(registry: EventRegistry): EventStore | Promise<EventStore>
  /** A second store over the storage of the store `create` made last; only for backends that persist. */
  reopen?(registry: EventRegistry): EventStore | Promise<EventStore>
  /** Changes a stored row behind the store's back; only for backends with raw access. */
  corrupt?(
    store: EventStore,
    globalPosition: number,
    change: RowCorruption,
  ): void | Promise<void>
}

export interface RowCorruption {
  eventType?: string
  payload?: string
}

const Unregistered = defineEvent({
  eventType: 'NotInTheRegistry',
  aggregateType: 'Account',
  schema: z.object({}),
  registry: false,
})

async function collect(
  iterable: AsyncIterable<StoredEvent>,
): Promise<StoredEvent[]> {
  const all: StoredEvent[] = []
  for await (const stored of iterable) all.push(stored)
  return all
}

/**
 * The store contract, as one vitest suite to run against every backend: `describeEventStoreContract(target)`.
 * Outside implementations of `EventStore` can run it too.
 */
export function describeEventStoreContract(target: ContractTarget): void {
  describe(`EventStore contract: ${target.name}`, () => {
    let store: EventStore
    const extraStores: EventStore[] = []
    const append = (
      aggregateId: string,
      events: DomainEvent[],
      expectedVersion: number = ExpectedVersion.ANY,
      aggregateType = 'Account',
    ) =>
      store.appendEvents({
        aggregateId,
        aggregateType,
        events,
        expectedVersion,
      })
    const readAll = (options?: ReadAllOptions) =>
      collect(store.readAll(options))
    const count = async () => (await readAll()).length

    beforeEach(async () => {
      store = await target.create(registry)
      await store.initialize()
    })
    afterEach(async () => {
      for (const extra of extraStores.splice(0)) await extra.close()
      await store.close()
    })

    describe('lifecycle', () => {
      it('initialize() and close() can each be called again', async () => {
        await store.initialize()
        expect(store.isConnected).toBe(true)
        await store.close()
        await store.close()
        expect(store.isConnected).toBe(false)
      })

      it('throws NotConnectedError before initialize() and after close(), saying what to call', async () => {
        const fresh = await target.create(registry)
        expect(fresh.isConnected).toBe(false)
        await expect(fresh.getGlobalPosition()).rejects.toThrow(
          NotConnectedError,
        )
        await expect(
          fresh.appendEvents({
            aggregateId: 'a',
            aggregateType: 'Account',
            events: [opened('a')],
            expectedVersion: 0,
          }),
        ).rejects.toThrow(/initialize\(\)/)
        await store.close()
        await expect(store.getEvents('a', 'Account')).rejects.toThrow(
          NotConnectedError,
        )
        await expect(collect(store.readAll())).rejects.toThrow(
          NotConnectedError,
        )
        await expect(store.eventExists(randomUUID())).rejects.toThrow(
          NotConnectedError,
        )
      })

      it('works with await using', async () => {
        const scoped = await target.create(registry)
        {
          await using disposable = scoped
          await disposable.initialize()
          expect(disposable.isConnected).toBe(true)
        }
        expect(scoped.isConnected).toBe(false)
      })
    })

    describe('appending and expected versions', () => {
      it('assigns versions from 1 and positions in order', async () => {
        const first = await append(
          'acc-1',
          [opened('acc-1'), ...deposits('acc-1', 5, 7)],
          ExpectedVersion.NO_STREAM,
        )
        expect(first).toMatchObject({ newVersion: 3, skipped: 0 })
        expect(first.globalPosition).toBe(await store.getGlobalPosition())
        const stream = await store.getEvents('acc-1', 'Account')
        expect(stream.version).toBe(3)
        expect(stream.events.map((e) => e.aggregateVersion)).toEqual([1, 2, 3])
        expect(stream.events.map((e) => e.eventType)).toEqual([
          'AccountOpened',
          'MoneyDeposited',
          'MoneyDeposited',
        ])
      })

      it('reads back every field as written', async () => {
        const event = new Opened({
          aggregateId: 'acc-f',
          owner: 'Grace',
          tenantId: 't1',
          actorId: 'u7',
          causationId: 'c1',
          metadata: { ip: '127.0.0.1', tags: ['a', 1, null] },
        })
        await append('acc-f', [event], 0)
        const [read] = (await store.getEvents('acc-f', 'Account')).events
        expect(read!.toJSON()).toEqual(event.toJSON())
        expect(read).toBeInstanceOf(Opened)
        expect(read!.occurredAt.toISOString()).toBe(
          event.occurredAt.toISOString(),
        )
        expect(Object.isFrozen(read)).toBe(true)
      })

      it('accepts an exact expected version and rejects a wrong one with the conflict fields', async () => {
        await append('acc-2', [opened('acc-2')], ExpectedVersion.NO_STREAM)
        await append('acc-2', deposits('acc-2', 1), 1)
        const error = await append('acc-2', deposits('acc-2', 2), 1).catch(
          (e: unknown) => e,
        )
        expect(error).toBeInstanceOf(OptimisticLockError)
        expect(error).toMatchObject({
          aggregateId: 'acc-2',
          aggregateType: 'Account',
          expectedVersion: 1,
          actualVersion: 2,
        })
        expect(await store.getStreamVersion('acc-2', 'Account')).toBe(2)
      })

      it('NO_STREAM fails once the stream exists', async () => {
        await append('acc-3', [opened('acc-3')], ExpectedVersion.NO_STREAM)
        await expect(
          append('acc-3', [opened('acc-3')], ExpectedVersion.NO_STREAM),
        ).rejects.toMatchObject({ expectedVersion: 0, actualVersion: 1 })
      })

      it('STREAM_EXISTS fails on a new stream and passes on an existing one', async () => {
        await expect(
          append('acc-4', deposits('acc-4', 1), ExpectedVersion.STREAM_EXISTS),
        ).rejects.toMatchObject({ expectedVersion: -2, actualVersion: 0 })
        await append('acc-4', [opened('acc-4')], ExpectedVersion.NO_STREAM)
        expect(
          (
            await append(
              'acc-4',
              deposits('acc-4', 1),
              ExpectedVersion.STREAM_EXISTS,
            )
          ).newVersion,
        ).toBe(2)
      })

      it('ANY appends at whatever version the stream is at', async () => {
        await append('acc-5', [opened('acc-5')], ExpectedVersion.ANY)
        expect(
          (await append('acc-5', deposits('acc-5', 1, 2), ExpectedVersion.ANY))
            .newVersion,
        ).toBe(3)
      })

      it('writes nothing of a batch whose expected version is wrong', async () => {
        await append('acc-6', [opened('acc-6')], 0)
        const before = await store.getGlobalPosition()
        await expect(
          append('acc-6', deposits('acc-6', 1, 2, 3), 5),
        ).rejects.toThrow(OptimisticLockError)
        expect(await store.getGlobalPosition()).toBe(before)
        expect(await count()).toBe(1)
      })

      it('keeps streams apart by aggregate type', async () => {
        await append('same-id', [opened('same-id')], 0)
        await append(
          'same-id',
          [new Tagged({ aggregateId: 'same-id', tag: 'x' })],
          0,
          'Label',
        )
        expect(await store.getStreamVersion('same-id', 'Account')).toBe(1)
        expect(await store.getStreamVersion('same-id', 'Label')).toBe(1)
        expect(
          (await store.getEvents('same-id', 'Label')).events[0],
        ).toBeInstanceOf(Tagged)
      })

      it('an empty append is a no-op that returns the current version', async () => {
        await append('acc-7', [opened('acc-7')], 0)
        expect(await append('acc-7', [], 0)).toMatchObject({
          newVersion: 1,
          skipped: 0,
        })
        expect(await append('nobody', [], ExpectedVersion.ANY)).toMatchObject({
          newVersion: 0,
          skipped: 0,
        })
        expect(await count()).toBe(1)
      })
    })

    describe('idempotency', () => {
      it('a retried append succeeds without writing', async () => {
        const events = [opened('acc-8'), ...deposits('acc-8', 3)]
        const first = await append('acc-8', events, 0)
        const retry = await append('acc-8', events, 0)
        expect(retry).toEqual({
          newVersion: 2,
          globalPosition: first.globalPosition,
          skipped: 2,
        })
        expect(await count()).toBe(2)
      })

      it('a retried one-event append succeeds without writing, whatever version it expects', async () => {
        const event = opened('acc-30')
        const first = await append('acc-30', [event], 0)
        for (const expected of [0, ExpectedVersion.ANY, 1])
          expect(await append('acc-30', [event], expected)).toEqual({
            newVersion: 1,
            globalPosition: first.globalPosition,
            skipped: 1,
          })
        expect(await count()).toBe(1)
      })

      it('drops stored events from a batch, then checks the expected version against the stream as it is', async () => {
        const [open, deposit] = [opened('acc-9'), ...deposits('acc-9', 1)]
        await append('acc-9', [open!], 0)
        expect(await append('acc-9', [open!, deposit!], 1)).toMatchObject({
          newVersion: 2,
          skipped: 1,
        })
        await expect(
          append('acc-9', [open!, ...deposits('acc-9', 2)], 0),
        ).rejects.toThrow(OptimisticLockError)
      })

      it('refuses an event id already stored in another stream', async () => {
        const event = opened('acc-10')
        await append('acc-10', [event], 0)
        const clash = new Opened({
          aggregateId: 'acc-11',
          owner: 'Eve',
          eventId: event.eventId,
        })
        await expect(append('acc-11', [clash], 0)).rejects.toThrow(
          DuplicateEventIdError,
        )
        expect(await store.getStreamVersion('acc-11', 'Account')).toBe(0)
      })

      it('eventExists tells stored ids from others', async () => {
        const event = opened('acc-12')
        await append('acc-12', [event], 0)
        expect(await store.eventExists(event.eventId)).toBe(true)
        expect(await store.eventExists(randomUUID())).toBe(false)
      })
    })

    describe('refused before anything is written', () => {
      it('an event for another stream', async () => {
        await expect(
          append('acc-13', [opened('acc-13'), opened('someone-else')], 0),
        ).rejects.toThrow(/belongs to Account someone-else/)
        await expect(
          append(
            'acc-13',
            [new Tagged({ aggregateId: 'acc-13', tag: 't' })],
            0,
          ),
        ).rejects.toThrow(InvalidArgumentError)
        expect(await count()).toBe(0)
      })

      it('an event type the store registry lacks', async () => {
        const error = await append(
          'acc-14',
          [opened('acc-14'), new Unregistered({ aggregateId: 'acc-14' })],
          0,
        ).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(EventTypeNotFoundError)
        expect(String(error)).toMatch(/NotInTheRegistry.*AccountOpened/)
        expect(await count()).toBe(0)
      })

      it.each([
        [
          'an empty aggregate id',
          {
            aggregateId: '',
            aggregateType: 'Account',
            events: [],
            expectedVersion: 0,
          },
        ],
        [
          'a numeric aggregate id',
          {
            aggregateId: 42,
            aggregateType: 'Account',
            events: [],
            expectedVersion: 0,
          },
        ],
        [
          'a fractional expected version',
          {
            aggregateId: 'a',
            aggregateType: 'Account',
            events: [],
            expectedVersion: 1.5,
          },
        ],
        [
          'an expected version below -2',
          {
            aggregateId: 'a',
            aggregateType: 'Account',
            events: [],
            expectedVersion: -3,
          },
        ],
        [
          'a string expected version',
          {
            aggregateId: 'a',
            aggregateType: 'Account',
            events: [],
            expectedVersion: '0',
          },
        ],
        [
          'events that are not an array',
          {
            aggregateId: 'a',
            aggregateType: 'Account',
            events: 'nope',
            expectedVersion: 0,
          },
        ],
        [
          'a plain object posing as an event',
          {
            aggregateId: 'a',
            aggregateType: 'Account',
            events: [{ eventType: 'AccountOpened' }],
            expectedVersion: 0,
          },
        ],
      ])('bad input: %s', async (_, input) => {
        await expect(store.appendEvents(input as never)).rejects.toThrow(
          InvalidArgumentError,
        )
        expect(await store.getGlobalPosition()).toBe(0)
      })

      it('the same event twice in one batch', async () => {
        const event = opened('acc-15')
        await expect(append('acc-15', [event, event], 0)).rejects.toThrow(
          /appears twice/,
        )
        expect(await count()).toBe(0)
      })
    })

    describe('reading streams', () => {
      it('an unknown stream has no events and version 0', async () => {
        expect(await store.getEvents('ghost', 'Account')).toEqual({
          aggregateId: 'ghost',
          aggregateType: 'Account',
          events: [],
          version: 0,
        })
        expect(await store.getStreamVersion('ghost', 'Account')).toBe(0)
      })

      it('fromVersion returns the later events, with the stream version', async () => {
        await append(
          'acc-16',
          [opened('acc-16'), ...deposits('acc-16', 1, 2, 3)],
          0,
        )
        const tail = await store.getEvents('acc-16', 'Account', {
          fromVersion: 2,
        })
        expect(tail.events.map((e) => e.aggregateVersion)).toEqual([3, 4])
        expect(tail.version).toBe(4)
        expect(
          await store.getEvents('acc-16', 'Account', { fromVersion: 4 }),
        ).toMatchObject({ events: [], version: 4 })
      })

      it('rejects bad arguments', async () => {
        await expect(store.getEvents('', 'Account')).rejects.toThrow(
          InvalidArgumentError,
        )
        await expect(
          store.getEvents('a', 'Account', { fromVersion: -1 }),
        ).rejects.toThrow(InvalidArgumentError)
        await expect(
          store.getEvents('a', 'Account', { from: 1 } as never),
        ).rejects.toThrow(/unknown option "from"/)
      })
    })

    describe('reading the whole log', () => {
      beforeEach(async () => {
        await append('r-1', [opened('r-1', { tenantId: 'acme' })], 0) // 1
        await append(
          'r-l',
          [new Tagged({ aggregateId: 'r-l', tag: 'x' })],
          0,
          'Label',
        ) // 2
        await append('r-1', deposits('r-1', 10, 20), 1) // 3, 4
        await append('r-2', [opened('r-2', { tenantId: 'globex' })], 0) // 5
      })
      const positions = (events: StoredEvent[]) =>
        events.map((e) => e.globalPosition)

      it('yields every event in ascending global position, with stream positions and store times', async () => {
        const all = await readAll()
        expect(all).toHaveLength(5)
        expect(positions(all)).toEqual(
          [...positions(all)].sort((a, b) => a - b),
        )
        expect(all.map((e) => e.streamPosition)).toEqual([1, 1, 2, 3, 1])
        expect(
          all.every(
            (e) =>
              e.storedAt instanceof Date && !Number.isNaN(e.storedAt.getTime()),
          ),
        ).toBe(true)
        expect(await store.getGlobalPosition()).toBe(positions(all).at(-1))
      })

      it('fromPosition is exclusive, and limit caps the count', async () => {
        const all = positions(await readAll())
        expect(positions(await readAll({ fromPosition: all[1]! }))).toEqual(
          all.slice(2),
        )
        expect(
          positions(await readAll({ fromPosition: all[1]!, limit: 2 })),
        ).toEqual(all.slice(2, 4))
        expect(await readAll({ limit: 0 })).toEqual([])
        expect(await readAll({ fromPosition: all.at(-1)! })).toEqual([])
      })

      it('backward yields descending positions, still after fromPosition', async () => {
        const all = positions(await readAll())
        expect(positions(await readAll({ direction: 'backward' }))).toEqual(
          [...all].reverse(),
        )
        expect(
          positions(
            await readAll({ direction: 'backward', fromPosition: all[2]! }),
          ),
        ).toEqual(all.slice(3).reverse())
        expect(
          positions(await readAll({ direction: 'backward', limit: 2 })),
        ).toEqual(all.slice(-2).reverse())
      })

      it('filters by event type, aggregate type and tenant', async () => {
        expect(
          (await readAll({ eventTypes: ['MoneyDeposited'] })).map(
            (e) => e.event.eventType,
          ),
        ).toEqual(['MoneyDeposited', 'MoneyDeposited'])
        expect(
          (await readAll({ aggregateTypes: ['Label'] })).map(
            (e) => e.event.aggregateId,
          ),
        ).toEqual(['r-l'])
        expect(
          (await readAll({ tenantId: 'globex' })).map(
            (e) => e.event.aggregateId,
          ),
        ).toEqual(['r-2'])
        expect(
          await readAll({
            eventTypes: ['AccountOpened'],
            tenantId: 'acme',
            direction: 'backward',
          }),
        ).toHaveLength(1)
        expect(await readAll({ eventTypes: [] })).toEqual([])
      })

      it('rejects bad options', async () => {
        await expect(readAll({ fromPosition: -1 })).rejects.toThrow(
          InvalidArgumentError,
        )
        await expect(readAll({ limit: 1.5 })).rejects.toThrow(
          InvalidArgumentError,
        )
        await expect(
          readAll({ direction: 'sideways' } as never),
        ).rejects.toThrow(/direction/)
        await expect(
          readAll({ eventTypes: 'AccountOpened' } as never),
        ).rejects.toThrow(/eventTypes/)
        await expect(readAll({ position: 1 } as never)).rejects.toThrow(
          /unknown option "position"/,
        )
      })

      it('pages through a log larger than a page', async () => {
        const ids = Array.from({ length: 30 }, (_, i) => `bulk-${i}`)
        for (const id of ids)
          await append(
            id,
            [
              opened(id),
              ...deposits(id, ...Array.from({ length: 79 }, (_, j) => j + 1)),
            ],
            0,
          )
        const all = await readAll()
        expect(all).toHaveLength(5 + 30 * 80)
        expect(new Set(positions(all)).size).toBe(all.length)
        expect(
          (await readAll({ direction: 'backward', fromPosition: 3 })).length,
        ).toBe(all.length - 3)
        expect(await readAll({ eventTypes: ['AccountOpened'] })).toHaveLength(
          32,
        )
      })
    })

    if (target.reopen) {
      const reopen = target.reopen
      it('a second store over the same storage reads what the first wrote', async () => {
        await append('p-1', [opened('p-1'), ...deposits('p-1', 4)], 0)
        const second = await reopen(registry)
        extraStores.push(second)
        await second.initialize()
        expect((await second.getEvents('p-1', 'Account')).version).toBe(2)
        await second.appendEvents({
          aggregateId: 'p-1',
          aggregateType: 'Account',
          events: deposits('p-1', 5),
          expectedVersion: 2,
        })
        await expect(append('p-1', deposits('p-1', 6), 2)).rejects.toThrow(
          OptimisticLockError,
        )
        expect(await store.getStreamVersion('p-1', 'Account')).toBe(3)
      })
    }

    if (target.corrupt) {
      const corrupt = target.corrupt
      describe('rows that cannot be read', () => {
        const cases: [
          string,
          RowCorruption,
          new (...args: never[]) => Error,
          RegExp,
        ][] = [
          [
            'an unregistered type',
            { eventType: 'Vanished' },
            EventTypeNotFoundError,
            /Unknown event type "Vanished" \(stored event at global position \d+\)/,
          ],
          [
            'corrupt JSON',
            { payload: '{"owner": "Ada"' },
            EventSerializationError,
            /payload of the AccountOpened event at global position \d+/,
          ],
          [
            'an invalid payload',
            { payload: '{"owner": 42}' },
            EventValidationError,
            /Invalid AccountOpened event \(stored event at global position \d+\): owner/,
          ],
        ]
        it.each(cases)(
          '%s throws a typed error naming the global position',
          async (_, change, ErrorType, message) => {
            await append('c-1', [opened('c-1')], 0)
            await append('c-2', [opened('c-2')], 0)
            const position = (await readAll())[1]!.globalPosition
            await corrupt(store, position, change)
            const error = await readAll().catch((e: unknown) => e)
            expect(error).toBeInstanceOf(ErrorType)
            expect(error).toMatchObject({ globalPosition: position })
            expect(String(error)).toMatch(message)
            await expect(store.getEvents('c-2', 'Account')).rejects.toThrow(
              ErrorType,
            )
            expect(
              (await store.getEvents('c-1', 'Account')).events,
            ).toHaveLength(1)
          },
        )
      })
    }
  })
}
