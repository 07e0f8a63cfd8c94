// Security: strings built to break SQL, and odd but valid input, are stored verbatim and do no harm in
// every store.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineEvent, EventRegistry, ExpectedVersion, type EventStore, type StoredEvent } from 'eventsource-ts'
import { randomInt, seededRandom } from './support/random.ts'
import { useStoreTargets } from './support/targets.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-security-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Strings that break SQL built by pasting text together, plus unicode and other odd but valid text. */
const HOSTILE = [
  "'; DROP TABLE events; --",
  "Robert'); DELETE FROM events WHERE ('1'='1",
  '" OR ""="',
  "' UNION SELECT name, sql FROM sqlite_master --",
  '$1; SELECT pg_sleep(10) --',
  '?, ?, ?) --',
  ':aggregate_id',
  '\\x00\\\'"`%_*',
  '{"$ne": null}',
  'a\u202Eevil\u202C.txt',
  '👩‍👩‍👧 𝄞 ☃ ünï 中文 العربية',
  '   padded   ',
] as const

const registry = new EventRegistry()
// An event type and an aggregate type that are themselves injection attempts.
const Hostile = defineEvent({
  eventType: "Evil'); DROP TABLE events; --",
  aggregateType: 'Bobby" OR 1=1 --',
  schema: z.object({ text: z.string(), nested: z.record(z.string(), z.string()) }),
  registry,
})

/** Ids and types may be this long in UTF-8; one byte more is refused when the event or its type is made. */
const MAX_ID_BYTES = 1024

/** Text of exactly `bytes` UTF-8 bytes that does not compress (PostgreSQL compresses long index entries). */
function incompressible(bytes: number, seed: number): string {
  const random = seededRandom(seed)
  const ranges = [[0x21, 0x7e], [0xa1, 0x7ff], [0x800, 0xd7ff], [0x10000, 0x1f6ff]] as const
  let text = ''
  for (;;) {
    const [low, high] = ranges[randomInt(random, 0, ranges.length - 1)]!
    const char = String.fromCodePoint(randomInt(random, low, high))
    const size = new TextEncoder().encode(text + char).length
    if (size > bytes) break
    text += char
  }
  return text.padEnd(text.length + bytes - new TextEncoder().encode(text).length, 'x')
}

// The longest aggregate type allowed, with the longest ids: the largest entry of a stream index.
const LongNamed = defineEvent({
  eventType: 'LongNamed',
  aggregateType: incompressible(MAX_ID_BYTES, 2),
  schema: z.object({ text: z.string(), nested: z.record(z.string(), z.string()) }),
  registry,
})

async function collect(iterable: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const all: StoredEvent[] = []
  for await (const stored of iterable) all.push(stored)
  return all
}

async function storeHostileEvents(store: EventStore) {
  const written = HOSTILE.map((text, i) =>
    new Hostile({
      aggregateId: text,
      tenantId: text,
      actorId: text,
      correlationId: text,
      causationId: text,
      metadata: { [text]: text, list: [text, { [text]: null }] },
      text,
      nested: { [text]: text },
      ...(i === 0 ? { occurredAt: '0001-01-01T00:00:00.000Z' } : {}),
    }),
  )
  for (const event of written) {
    await store.appendEvents({ aggregateId: event.aggregateId, aggregateType: Hostile.aggregateType, events: [event], expectedVersion: ExpectedVersion.NO_STREAM })
  }
  return written
}

const targets = useStoreTargets(dir)

describe('security', () => {
  for (const target of targets) {
    it(`${target.name}: SQL-injection strings in every field are stored verbatim and harmless`, async () => {
      await using store = await target.create(registry)
      await store.initialize()
      const written = await storeHostileEvents(store)

      const all = await collect(store.readAll())
      expect(all.map((s) => s.event.toJSON())).toEqual(written.map((e) => e.toJSON()))
      for (const [i, text] of HOSTILE.entries()) {
        const stream = await store.getEvents(text, Hostile.aggregateType)
        expect(stream.events.map((e) => e.toJSON()), text).toEqual([written[i]!.toJSON()])
        expect(await collect(store.readAll({ tenantId: text })), text).toHaveLength(1)
        expect(await store.getStreamVersion(text, Hostile.aggregateType)).toBe(1)
      }
      expect(await collect(store.readAll({ eventTypes: [Hostile.eventType], aggregateTypes: [Hostile.aggregateType] }))).toHaveLength(HOSTILE.length)
      expect(await collect(store.readAll({ eventTypes: ["' OR 1=1 --"] }))).toEqual([])
      expect(await store.getGlobalPosition()).toBe(all.at(-1)!.globalPosition)
    })

    it(`${target.name}: a 1 MB payload, empty strings and ids of the longest length allowed round-trip exactly`, async () => {
      await using store = await target.create(registry)
      await store.initialize()
      const aggregateId = incompressible(MAX_ID_BYTES, 1)
      const big = new LongNamed({ aggregateId, text: '€'.repeat(1024 * 1024), nested: { '': '', 'a.b': '"quoted"' }, metadata: { '': 'empty key' } })
      const empty = new LongNamed({ aggregateId, text: '', nested: {} })
      await store.appendEvents({ aggregateId, aggregateType: LongNamed.aggregateType, events: [big, empty], expectedVersion: ExpectedVersion.NO_STREAM })
      const stream = await store.getEvents(aggregateId, LongNamed.aggregateType)
      expect(stream.events.map((e) => e.toJSON())).toEqual([{ ...big.toJSON(), aggregateVersion: 1 }, { ...empty.toJSON(), aggregateVersion: 2 }])
    })
  }
})
