/**
 * Checks exercise 12-3 (a resumable batch migration) on a SQLite source and an
 * in-memory target.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  InMemoryEventStore,
  OptimisticLockError,
  SQLiteEventStore,
  type AppendEventsInput,
  type EventStore,
  type ReadAllOptions,
} from 'eventsource-ts'
import { NoteCreated, NoteUpdated } from '../notes.ts'
import type * as Answer from '../../../solutions/12-sqlite/12-3-migration.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

/**
 * Which note each event of the source belongs to, in global order: runs of one
 * stream, and interleaving.
 */
const PLAN = [
  0, 0, 0, 0, 1, 0, 1, 2, 3, 2, 2, 1, 3, 3, 0, 1, 2, 3, 0, 1, 2, 3, 1,
]
const BATCH = 5

interface EventSpec {
  aggregateId: string
  aggregateVersion: number
  eventId: string
  occurredAt: Date
  correlationId: string
  content: string
}

/**
 * The source's events, fully specified, so another store can hold exactly the
 * same ones.
 */
function sourceSpecs(): EventSpec[] {
  const notes = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
  const versions = [0, 0, 0, 0]
  return PLAN.map((note, index) => ({
    aggregateId: notes[note]!,
    aggregateVersion: ++versions[note]!,
    eventId: randomUUID(),
    occurredAt: new Date(Date.UTC(2024, 0, 1, 9, 0, index)),
    correlationId: randomUUID(),
    content: `content ${index}`,
  }))
}

const toEvent = ({ content, ...base }: EventSpec) =>
  base.aggregateVersion === 1
    ? new NoteCreated({
        ...base,
        title: `Note ${base.aggregateId.slice(0, 4)}`,
        content,
      })
    : new NoteUpdated({ ...base, content })

async function fill(
  store: EventStore,
  specs: readonly EventSpec[],
): Promise<void> {
  for (const spec of specs) {
    await store.appendEvents({
      aggregateId: spec.aggregateId,
      aggregateType: 'Note',
      events: [toEvent(spec)],
      expectedVersion: spec.aggregateVersion - 1,
    })
  }
}

async function log(store: EventStore): Promise<string[]> {
  const events: string[] = []
  for await (const stored of store.readAll())
    events.push(JSON.stringify(stored.event))
  return events
}

/** What a promise rejected with, or undefined when it resolved. */
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error ?? new Error(String(error)),
  )

/**
 * Why a migration went wrong, when the reason is events it skipped: the usual
 * cause is reading from `checkpoint + 1`, as if fromPosition were inclusive.
 * The target then refuses the next event of the stream with
 * OptimisticLockError, whose own advice (about commands) would mislead here.
 */
async function skippedEvents(
  source: EventStore,
  target: EventStore,
  error: unknown,
): Promise<string | undefined> {
  const copied = new Set<string>()
  for await (const stored of target.readAll()) copied.add(stored.event.eventId)
  const sourceLog: {
    position: number
    id: string
    stream: string
    version: number
    type: string
  }[] = []
  for await (const stored of source.readAll())
    sourceLog.push({
      position: stored.globalPosition,
      id: stored.event.eventId,
      stream: stored.event.aggregateId,
      version: stored.event.aggregateVersion,
      type: stored.event.eventType,
    })
  const lastCopied =
    sourceLog.findLast((event) => copied.has(event.id))?.position ?? 0
  let skipped = sourceLog.find(
    (event) => event.position < lastCopied && !copied.has(event.id),
  )
  if (
    !skipped &&
    error instanceof OptimisticLockError &&
    error.expectedVersion > error.actualVersion
  ) {
    skipped = sourceLog.find(
      (event) =>
        event.stream === error.aggregateId &&
        event.version === error.actualVersion + 1,
    )
  }
  if (!skipped) return undefined
  return (
    `migrate() skipped the event at global position ${skipped.position} ` +
    `(${skipped.type}, version ${skipped.version} of its note). ` +
    'fromPosition means "after this position": read from the checkpoint ' +
    'itself, not from checkpoint + 1.' +
    (error instanceof OptimisticLockError
      ? ' The target then refused the next event of that note with ' +
        'OptimisticLockError, as it should.'
      : '')
  )
}

function memoryCheckpoint(start = 0) {
  const saved: number[] = []
  let position = start
  return {
    saved,
    get position() {
      return position
    },
    load: async () => position,
    save: async (next: number) => void saved.push((position = next)),
  }
}

/**
 * The store, with its reads and appends recorded, and an append that can be
 * made to fail like a crash.
 */
function observed(store: EventStore, crashOnAppend = Infinity) {
  const reads: ReadAllOptions[] = []
  const appends: AppendEventsInput[] = []
  const proxy = new Proxy(store, {
    get(target, key) {
      if (key === 'readAll')
        return (options?: ReadAllOptions) => (
          reads.push({ ...options }),
          target.readAll(options)
        )
      if (key === 'appendEvents') {
        return async (input: AppendEventsInput) => {
          appends.push(input)
          if (appends.length === crashOnAppend)
            throw new Error(
              'Simulated crash: the process died during this append.',
            )
          return target.appendEvents(input)
        }
      }
      const value: unknown = Reflect.get(target, key, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { store: proxy, reads, appends }
}

for (const target of await checkTargets('12-3')) {
  describe(target.label, async () => {
    const loaded = await importTarget<typeof Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { migrate, checksum, verifyMigration } = loaded.module

    describe('checks', () => {
      let source: EventStore
      let destination: EventStore
      let specs: EventSpec[]
      const extraStores: EventStore[] = []
      const storeWith = async (events: readonly EventSpec[]) => {
        const store = new InMemoryEventStore()
        extraStores.push(store)
        await store.initialize()
        await fill(store, events)
        return store
      }

      beforeEach(async () => {
        source = new SQLiteEventStore(':memory:')
        destination = new InMemoryEventStore()
        await Promise.all([source.initialize(), destination.initialize()])
        await fill(source, (specs = sourceSpecs()))
      })
      afterEach(async () => {
        for (const store of [source, destination, ...extraStores.splice(0)])
          await store.close()
      })

      test(
        'migrate() copies every event in order, ' +
          'with ids, streams, versions and times unchanged',
        async () => {
          const failure = await rejection(
            migrate({
              source,
              target: destination,
              checkpoint: memoryCheckpoint(),
              batchSize: BATCH,
            }),
          )
          const skipped = await skippedEvents(source, destination, failure)
          if (skipped) throw new Error(skipped)
          if (failure) throw failure
          expect(await log(destination)).toEqual(await log(source))
        },
      )

      test(
        'migrate() reports how many events it copied ' +
          'and the position it reached',
        async () => {
          const report = await migrate({
            source,
            target: destination,
            checkpoint: memoryCheckpoint(),
            batchSize: BATCH,
          })
          expect(report).toEqual({
            copied: PLAN.length,
            lastPosition: await source.getGlobalPosition(),
          })
        },
      )

      test(
        'migrate() works in batches of batchSize, ' +
          'and saves the checkpoint after each',
        async () => {
          const reader = observed(source)
          const writer = observed(destination)
          const checkpoint = memoryCheckpoint()
          await migrate({
            source: reader.store,
            target: writer.store,
            checkpoint,
            batchSize: BATCH,
          })
          const limits = reader.reads.map((options) => options.limit)
          assert.ok(
            limits.length > 0 &&
              limits.every((limit) => limit !== undefined && limit <= BATCH),
            'read with source.readAll({ fromPosition, limit: batchSize }); ' +
              `the limits were ${limits.join(', ') || 'never set'}`,
          )
          assert.ok(
            writer.appends.every((append) => append.events.length <= BATCH),
            'an append must not hold more than one batch',
          )
          assert.ok(
            writer.appends.length < PLAN.length,
            `${writer.appends.length} appends for ${PLAN.length} events: ` +
              "append each run of one stream's events in one call",
          )
          expect(
            checkpoint.saved,
            'save the last globalPosition of each batch, ' +
              'once the batch is written',
          ).toEqual([5, 10, 15, 20, 23])
        },
      )

      test(
        'after a crash, a re-run resumes from the checkpoint: ' +
          'nothing missing, nothing twice',
        async () => {
          const checkpoint = memoryCheckpoint()
          const crashing = observed(destination, 4)
          const crash = await rejection(
            migrate({
              source,
              target: crashing.store,
              checkpoint,
              batchSize: BATCH,
            }),
          )
          const outcome =
            crash === undefined ? 'it resolved' : `it threw ${quoted(crash)}`
          assert.ok(
            String(crash).includes('Simulated crash'),
            'The 4th append failed, ' +
              'so migrate() must reject with that error; ' +
              `${outcome}.`,
          )
          const resumedFrom = checkpoint.position
          const alreadyCopied = (await log(destination)).length

          const reader = observed(source)
          const report = await migrate({
            source: reader.store,
            target: destination,
            checkpoint,
            batchSize: BATCH,
          }).catch((error: unknown) => {
            throw new Error(
              `The re-run after the crash failed with ${quoted(error)}. ` +
                'Was the checkpoint saved before its batch was written? ' +
                'Save it only once the whole batch is in the target.',
            )
          })
          expect(
            reader.reads[0]?.fromPosition ?? 0,
            'start reading after the checkpoint (await checkpoint.load()), ' +
              'not from the beginning',
          ).toBe(resumedFrom)
          expect(
            await log(destination),
            'the target must end up with exactly the source events, in order',
          ).toEqual(await log(source))
          expect(report.copied, 'count only events written by this run').toBe(
            PLAN.length - alreadyCopied,
          )
        },
      )

      test('a finished migration, run again, copies nothing', async () => {
        const checkpoint = memoryCheckpoint()
        await migrate({
          source,
          target: destination,
          checkpoint,
          batchSize: BATCH,
        })
        expect(
          (
            await migrate({
              source,
              target: destination,
              checkpoint,
              batchSize: BATCH,
            })
          ).copied,
        ).toBe(0)
        expect(
          (
            await migrate({
              source,
              target: destination,
              checkpoint: memoryCheckpoint(),
              batchSize: BATCH,
            })
          ).copied,
          'from position 0 too',
        ).toBe(0)
        expect(await log(destination)).toEqual(await log(source))
      })

      test(
        'a target stream that differs from the source is a conflict, ' +
          'never merged',
        async () => {
          const other = new NoteCreated({
            aggregateId: specs[0]!.aggregateId,
            title: 'Already in the target',
            content: 'x',
          })
          await destination.appendEvents({
            aggregateId: other.aggregateId,
            aggregateType: 'Note',
            events: [other],
            expectedVersion: 0,
          })
          const conflict = await rejection(
            migrate({
              source,
              target: destination,
              checkpoint: memoryCheckpoint(),
              batchSize: BATCH,
            }),
          )
          const outcome =
            conflict === undefined
              ? 'it merged the streams instead'
              : `it threw ${quoted(conflict)}`
          assert.ok(
            conflict instanceof OptimisticLockError,
            "The target's stream already has another event at version 1, " +
              'so migrate() must reject with OptimisticLockError; ' +
              `${outcome}. ` +
              "Append with expectedVersion: the run's first " +
              'aggregateVersion - 1, not ExpectedVersion.ANY.',
          )
        },
      )

      test(
        'checksum() counts the events, ' +
          'and is the same for the same events in two stores',
        async () => {
          const copy = await storeWith(specs)
          const [original, copied] = [
            await checksum(source),
            await checksum(copy),
          ]
          expect(original.count).toBe(PLAN.length)
          expect(original.checksum, 'a SHA-256 in hex').toMatch(
            /^[0-9a-f]{64}$/,
          )
          expect(copied).toEqual(original)
        },
      )

      test(
        'checksum() changes when a payload, the order of events, ' +
          'or an event differs',
        async () => {
          const original = (await checksum(source)).checksum
          const changedPayload = specs.map((spec, index) =>
            index === 7 ? { ...spec, content: 'changed' } : spec,
          )
          const reordered = [
            ...specs.slice(0, 4),
            specs[5]!,
            specs[4]!,
            ...specs.slice(6),
          ] // two streams' events swapped in the log
          const otherEvent = specs.map((spec, index) =>
            index === 22 ? { ...spec, eventId: randomUUID() } : spec,
          )
          expect(
            (await checksum(await storeWith(changedPayload))).checksum,
            'one event has another payload',
          ).not.toBe(original)
          expect(
            (await checksum(await storeWith(reordered))).checksum,
            'the same events in another global order',
          ).not.toBe(original)
          expect(
            (await checksum(await storeWith(otherEvent))).checksum,
            'one event has another id',
          ).not.toBe(original)
          expect(
            (await checksum(await storeWith(specs.slice(0, -1)))).count,
            'one event fewer',
          ).toBe(PLAN.length - 1)
        },
      )

      test(
        'verifyMigration() compares the counts and checksums ' +
          'of source and target',
        async () => {
          await migrate({
            source,
            target: destination,
            checkpoint: memoryCheckpoint(),
            batchSize: BATCH,
          })
          const verified = await verifyMigration(source, destination)
          expect(verified.matches).toBe(true)
          expect(verified.source).toEqual(verified.target)
          expect(verified.source.count).toBe(PLAN.length)
          const extra = new NoteCreated({
            aggregateId: randomUUID(),
            title: 'Extra',
            content: 'only in the target',
          })
          await destination.appendEvents({
            aggregateId: extra.aggregateId,
            aggregateType: 'Note',
            events: [extra],
            expectedVersion: 0,
          })
          const mismatch = await verifyMigration(source, destination)
          expect(mismatch.matches, 'the target has one event more').toBe(false)
          expect(mismatch.target.count).toBe(PLAN.length + 1)
        },
      )
    })
  })
}
