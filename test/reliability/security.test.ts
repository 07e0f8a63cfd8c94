// Security: strings built to break SQL, and odd but valid input, are stored verbatim and do no harm in
// every store.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { context, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  ConfigurationError,
  createEventStore,
  defineEvent,
  EventRegistry,
  ExpectedVersion,
  getEventStoreConfig,
  InMemoryEventStore,
  migrateEvents,
  MigrationConflictError,
  PostgreSQLEventStore,
  StoreConnectionError,
  type EventStore,
  type StoredEvent,
} from 'eventsource-ts'
import { NoteCreated, notesRegistry } from '../support/notes.ts'
import { randomInt, seededRandom } from './support/random.ts'
import { usePostgresDatabase } from '../support/postgres-server.ts'
import { shown, useStoreTargets } from './support/targets.ts'

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
  schema: z.object({
    text: z.string(),
    nested: z.record(z.string(), z.string()),
  }),
  registry,
})

/** Ids and types may be this long in UTF-8; one byte more is refused when the event or its type is made. */
const MAX_ID_BYTES = 1024

/** Text of exactly `bytes` UTF-8 bytes that does not compress (PostgreSQL compresses long index entries). */
function incompressible(bytes: number, seed: number): string {
  const random = seededRandom(seed)
  const ranges = [
    [0x21, 0x7e],
    [0xa1, 0x7ff],
    [0x800, 0xd7ff],
    [0x10000, 0x1f6ff],
  ] as const
  let text = ''
  for (;;) {
    const [low, high] = ranges[randomInt(random, 0, ranges.length - 1)]!
    const char = String.fromCodePoint(randomInt(random, low, high))
    const size = new TextEncoder().encode(text + char).length
    if (size > bytes) break
    text += char
  }
  return text.padEnd(
    text.length + bytes - new TextEncoder().encode(text).length,
    'x',
  )
}

// The longest aggregate type allowed, with the longest ids: the largest entry of a stream index.
const LongNamed = defineEvent({
  eventType: 'LongNamed',
  aggregateType: incompressible(MAX_ID_BYTES, 2),
  schema: z.object({
    text: z.string(),
    nested: z.record(z.string(), z.string()),
  }),
  registry,
})

async function collect(
  iterable: AsyncIterable<StoredEvent>,
): Promise<StoredEvent[]> {
  const all: StoredEvent[] = []
  for await (const stored of iterable) all.push(stored)
  return all
}

async function storeHostileEvents(store: EventStore) {
  const written = HOSTILE.map(
    (text, i) =>
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
  let last = 0
  for (const event of written) {
    const { globalPosition } = await store.appendEvents({
      aggregateId: event.aggregateId,
      aggregateType: Hostile.aggregateType,
      events: [event],
      expectedVersion: ExpectedVersion.NO_STREAM,
    })
    last = globalPosition
  }
  await shown(store, last)
  return written
}

const server = usePostgresDatabase()
const targets = useStoreTargets(dir, server)

describe('security', () => {
  for (const target of targets) {
    it(`${target.name}: SQL-injection strings in every field are stored verbatim and harmless`, async () => {
      await using store = await target.create(registry)
      await store.initialize()
      const written = await storeHostileEvents(store)

      const all = await collect(store.readAll())
      expect(all.map((s) => s.event.toJSON())).toEqual(
        written.map((e) => e.toJSON()),
      )
      for (const [i, text] of HOSTILE.entries()) {
        const stream = await store.getEvents(text, Hostile.aggregateType)
        expect(
          stream.events.map((e) => e.toJSON()),
          text,
        ).toEqual([written[i]!.toJSON()])
        expect(
          await collect(store.readAll({ tenantId: text })),
          text,
        ).toHaveLength(1)
        expect(await store.getStreamVersion(text, Hostile.aggregateType)).toBe(
          1,
        )
      }
      expect(
        await collect(
          store.readAll({
            eventTypes: [Hostile.eventType],
            aggregateTypes: [Hostile.aggregateType],
          }),
        ),
      ).toHaveLength(HOSTILE.length)
      expect(
        await collect(store.readAll({ eventTypes: ["' OR 1=1 --"] })),
      ).toEqual([])
      expect(await store.getGlobalPosition()).toBe(all.at(-1)!.globalPosition)
    })

    it(`${target.name}: a 1 MB payload, empty strings and ids of the longest length allowed round-trip exactly`, async () => {
      await using store = await target.create(registry)
      await store.initialize()
      const aggregateId = incompressible(MAX_ID_BYTES, 1)
      const big = new LongNamed({
        aggregateId,
        text: '€'.repeat(1024 * 1024),
        nested: { '': '', 'a.b': '"quoted"' },
        metadata: { '': 'empty key' },
      })
      const empty = new LongNamed({ aggregateId, text: '', nested: {} })
      await store.appendEvents({
        aggregateId,
        aggregateType: LongNamed.aggregateType,
        events: [big, empty],
        expectedVersion: ExpectedVersion.NO_STREAM,
      })
      const stream = await store.getEvents(aggregateId, LongNamed.aggregateType)
      expect(stream.events.map((e) => e.toJSON())).toEqual([
        { ...big.toJSON(), aggregateVersion: 1 },
        { ...empty.toJSON(), aggregateVersion: 2 },
      ])
    })
  }
})

describe('secrets', () => {
  /** Everything a failure can show: its message, its causes and every property, however deep. */
  const everything = (value: unknown) =>
    inspect(value, { depth: Infinity, showHidden: true, getters: true })
  const secretsOf = (url: string) => [new URL(url).password, url]
  const expectNoSecret = (text: string, url: string) => {
    for (const secret of secretsOf(url)) expect(text).not.toContain(secret)
  }
  const connect = async (url: string) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    return Object.assign(client, { [Symbol.asyncDispose]: () => client.end() })
  }
  const withPassword = (
    password: string,
    change: (url: URL) => void = () => undefined,
  ) => {
    const url = new URL(server.url)
    url.password = password
    change(url)
    return url.toString()
  }

  it.each([
    [
      'a wrong password',
      () => withPassword('Wr0ng-Pa55word-fa11s'),
      /Cannot connect to PostgreSQL at postgres:\/\/postgres:\*\*\*@127.0.0.1:\d+\/es_test_\w+: .*password authentication failed/,
    ],
    [
      'a database that does not exist',
      () =>
        withPassword(
          new URL(server.url).password,
          (url) => (url.pathname = '/no_such_db'),
        ),
      /database "no_such_db" does not exist/,
    ],
    [
      'a port nobody listens on',
      () => withPassword('S3cret-on-a-closed-port', (url) => (url.port = '1')),
      /the connection was refused/,
    ],
    [
      'a password in the query string',
      () =>
        withPassword(
          '',
          (url) => (url.search = '?password=Qu3ry-Secr3t&sslmode=disable'),
        ),
      /password authentication failed|no password/,
    ],
  ])(
    '%s: the error never shows the password or the full connection string',
    async (_, makeUrl, message) => {
      const url = makeUrl()
      const store = new PostgreSQLEventStore({
        connectionString: url,
        eventRegistry: notesRegistry,
      })
      const error = await store.initialize().then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(StoreConnectionError)
      expect((error as Error).message).toMatch(message)
      const secrets = [
        ...secretsOf(url),
        new URLSearchParams(new URL(url).search).get('password') ?? url,
      ].filter(Boolean)
      for (const secret of secrets) {
        expect(everything(error)).not.toContain(secret)
        expect(everything(store)).not.toContain(secret)
      }
    },
  )

  it('a connection lost mid-query: the error never shows the password', async () => {
    await using store = new PostgreSQLEventStore({
      connectionString: server.url,
      eventRegistry: notesRegistry,
    })
    await store.initialize()
    await using admin = await connect(server.url)
    // Holds the events table, so the store's next query waits on it; then that waiting backend is killed.
    await admin.query('BEGIN')
    await admin.query('LOCK TABLE events IN ACCESS EXCLUSIVE MODE')
    const pending = store.getGlobalPosition().then(
      () => undefined,
      (e: unknown) => e,
    )
    for (;;) {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
      if (rowCount) break
    }
    const error = await pending
    await admin.query('ROLLBACK')
    expect(error).toBeInstanceOf(StoreConnectionError)
    expect((error as Error).message).toMatch(
      /Lost the connection to PostgreSQL at postgres:\/\/postgres:\*\*\*@127.0.0.1:\d+\/es_test_\w+: terminating connection due to administrator command/,
    )
    expectNoSecret(everything(error), server.url)
  })

  it('spans, the store and its printed form never show the password or the full connection string', async () => {
    const exporter = new InMemorySpanExporter()
    const contextManager = new AsyncLocalStorageContextManager().enable()
    context.setGlobalContextManager(contextManager)
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({
        spanProcessors: [new SimpleSpanProcessor(exporter)],
      }),
    )
    try {
      await using admin = await connect(server.url)
      await admin.query('DROP TABLE IF EXISTS events') // other tests left events of other registries
      await using store = new PostgreSQLEventStore({
        connectionString: server.url,
        eventRegistry: notesRegistry,
      })
      await store.initialize()
      const event = new NoteCreated({
        aggregateId: 'secret-note',
        title: 't',
        content: 'c',
      })
      await store.appendEvents({
        aggregateId: 'secret-note',
        aggregateType: 'Note',
        events: [event],
        expectedVersion: 0,
      })
      await store.appendEvents({
        aggregateId: 'secret-note',
        aggregateType: 'Note',
        events: [event],
        expectedVersion: 5,
      })
      await store
        .appendEvents({
          aggregateId: 'secret-note',
          aggregateType: 'Note',
          events: [
            new NoteCreated({
              aggregateId: 'secret-note',
              title: 't',
              content: 'c',
            }),
          ],
          expectedVersion: 0,
        })
        .catch(() => undefined)
      await store.getEvents('secret-note', 'Note')
      for await (const _ of store.readAll()) void _
      const spans = exporter.getFinishedSpans()
      expect(spans.length).toBeGreaterThan(3)
      expect(
        spans.some((span) => span.events.some((e) => e.name === 'exception')),
      ).toBe(true)
      expectNoSecret(
        everything(
          spans.map((span) => ({
            name: span.name,
            attributes: span.attributes,
            events: span.events,
            status: span.status,
          })),
        ),
        server.url,
      )
      expect(store.database).toMatch(
        /^postgres:\/\/postgres:\*\*\*@127.0.0.1:\d+\/es_test_\w+$/,
      )
      expectNoSecret(
        `${everything(store)} ${String(store)} ${JSON.stringify(store)}`,
        server.url,
      )
    } finally {
      trace.disable()
      context.disable()
    }
  })

  it('configuration errors, migration progress, reports and conflicts never show the password', async () => {
    const config = () =>
      getEventStoreConfig({
        APP_ENV: 'production',
        DATABASE_URL: 'host=db.internal password=hunter2-Secret',
      })
    expect(config).toThrow(ConfigurationError)
    expect(
      everything(
        (() => {
          try {
            config()
          } catch (e) {
            return e
          }
        })(),
      ),
    ).not.toContain('hunter2-Secret')
    const wrong = withPassword('Wr0ng-Pa55word-in-config')
    const error = await createEventStore(
      getEventStoreConfig({ APP_ENV: 'production', DATABASE_URL: wrong }),
    ).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(StoreConnectionError)
    for (const secret of secretsOf(wrong))
      expect(everything(error)).not.toContain(secret)

    await using admin = await connect(server.url)
    await admin.query('DROP TABLE IF EXISTS events')
    const source = new InMemoryEventStore({ eventRegistry: notesRegistry })
    await source.initialize()
    for (const id of ['a', 'b', 'c'])
      await source.appendEvents({
        aggregateId: id,
        aggregateType: 'Note',
        events: [
          new NoteCreated({ aggregateId: id, title: 't', content: 'c' }),
        ],
        expectedVersion: 0,
      })
    await using target = await createEventStore({
      ...getEventStoreConfig({
        APP_ENV: 'production',
        DATABASE_URL: server.url,
      }),
      eventRegistry: notesRegistry,
    })
    const output: string[] = []
    const report = await migrateEvents({
      source,
      target,
      batchSize: 1,
      onProgress: (progress) => output.push(everything(progress)),
    })
    expect(report.verified).toBe(true)
    expect(output).toHaveLength(4)
    expectNoSecret([...output, everything(report)].join('\n'), server.url)

    const other = new InMemoryEventStore({ eventRegistry: notesRegistry })
    await other.initialize()
    await other.appendEvents({
      aggregateId: 'a',
      aggregateType: 'Note',
      events: [
        new NoteCreated({ aggregateId: 'a', title: 'other', content: 'c' }),
      ],
      expectedVersion: 0,
    })
    const conflict = await migrateEvents({ source: other, target }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(conflict).toBeInstanceOf(MigrationConflictError)
    expectNoSecret(everything(conflict), server.url)
  })
})
