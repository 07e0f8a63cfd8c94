import { createServer } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { inspect } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DatabaseBusyError,
  defaultRegistry,
  InvalidArgumentError,
  PostgreSQLEventStore,
  StoreConnectionError,
  type PostgreSQLEventStoreOptions,
} from 'eventsource-ts'
import { APPEND_LOCK } from '../../src/stores/postgresql/schema.ts'
import { WATCH_APPENDS } from '../../src/stores/store-internals.ts'
import { expectOneWakeAnAppend } from '../support/append-wakes.ts'
import { NoteCreated, notesRegistry } from '../support/notes.ts'
import {
  usePostgresDatabase,
  withDatabase,
} from '../support/postgres-server.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-postgresql-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const server = usePostgresDatabase()
const note = (
  aggregateId: string,
  fields: Partial<ConstructorParameters<typeof NoteCreated>[0]> = {},
) => new NoteCreated({ aggregateId, title: 't', content: 'c', ...fields })
/** A store of the notes' events, wherever `options` say it is. */
const notesStore = (options: PostgreSQLEventStoreOptions) =>
  new PostgreSQLEventStore({ eventRegistry: notesRegistry, ...options })
/** The append that starts a stream with one note. */
const newStream = (aggregateId: string) => ({
  aggregateId,
  aggregateType: 'Note',
  events: [note(aggregateId)],
  expectedVersion: 0,
})

describe('PostgreSQLEventStore options', () => {
  it('has the store defaults and a printable location', () => {
    const store = new PostgreSQLEventStore({ embedded: true })
    expect(store).toMatchObject({
      database: 'PGlite (in memory)',
      enableTracing: true,
      isConnected: false,
      busyTimeout: 5000,
    })
    expect(store.eventRegistry).toBe(defaultRegistry)
    expect(
      new PostgreSQLEventStore({
        connectionString:
          'postgres://app:s3cret@db.example:6543/events?sslmode=require',
      }).database,
    ).toBe('postgres://app:***@db.example:6543/events')
  })

  it.each([
    ['no connection', {}, /exactly one of connectionString.*got none/],
    [
      'two connections',
      { embedded: true, connectionString: 'postgres://localhost/db' },
      /exactly one .* got several/,
    ],
    [
      'an unknown option',
      { embedded: true, walMode: true },
      /unknown option "walMode"/,
    ],
    [
      'a connection string that is no URL',
      { connectionString: 'host=localhost password=hunter2' },
      /must be a postgres:\/\/ URL/,
    ],
    [
      'a pool that is no pool',
      { pool: { query: () => undefined } },
      /pool must be a pg Pool/,
    ],
    ['an empty data directory', { embedded: '' }, /embedded must be true/],
    ['a number for embedded', { embedded: 5 }, /embedded must be true.*got 5/],
    [
      'a bad enableTracing',
      { embedded: true, enableTracing: 'yes' },
      /enableTracing/,
    ],
    [
      'a negative busyTimeout',
      { embedded: true, busyTimeout: -5 },
      /busyTimeout must be a whole number of milliseconds/,
    ],
    ['no options at all', undefined, /expects \{ connectionString \}/],
  ])('refuses %s with InvalidArgumentError', (_, options, message) => {
    const error = (() => {
      try {
        new PostgreSQLEventStore(options as never)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(InvalidArgumentError)
    expect(String(error)).toMatch(message)
    expect(String(error)).not.toContain('hunter2')
  })
})

describe('PostgreSQLEventStore on PGlite', () => {
  it('embedded: true keeps the events in memory until close', async () => {
    const store = notesStore({ embedded: true })
    await store.initialize()
    await store.appendEvents(newStream('n-1'))
    expect(await store.getStreamVersion('n-1', 'Note')).toBe(1)
    await store.close()
    await store.initialize()
    expect(await store.getGlobalPosition()).toBe(0)
    await store.close()
  })

  it('embedded: a directory keeps the events across stores', async () => {
    const dataDir = join(dir, 'pgdata')
    const event = note('n-2', {
      occurredAt: '0099-12-31T23:59:59.999Z',
      metadata: { z: 1, a: { long_key: [1.5, 'é', null] } },
    })
    {
      await using store = notesStore({ embedded: dataDir })
      await store.initialize()
      await store.appendEvents({
        aggregateId: 'n-2',
        aggregateType: 'Note',
        events: [event],
        expectedVersion: 0,
      })
    }
    await using again = notesStore({ embedded: dataDir })
    await again.initialize()
    const [read] = (await again.getEvents('n-2', 'Note')).events
    expect(read!.toJSON()).toEqual(event.toJSON())
    expect(read!.occurredAt.toISOString()).toBe('0099-12-31T23:59:59.999Z')
  })

  it('embedded: a PGlite of yours stays open after close', async () => {
    const db = await PGlite.create()
    const store = notesStore({ embedded: db })
    await store.initialize()
    await store.appendEvents(newStream('n-3'))
    await store.close()
    expect(
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))
        .rows[0]!.n,
    ).toBe(1)
    await db.close()
  })

  it('wakes a watcher of its appends once an append, whoever the writer', async () => {
    const db = await PGlite.create()
    await using store = notesStore({ embedded: db })
    await using other = notesStore({ embedded: db })
    await expectOneWakeAnAppend(store, other)
    await store.close()
    await other.close()
    await db.close()
  })

  it('a data directory that is a file gives StoreConnectionError', async () => {
    const file = join(dir, 'not-a-directory')
    writeFileSync(file, 'x')
    const store = new PostgreSQLEventStore({ embedded: file })
    await expect(store.initialize()).rejects.toThrow(StoreConnectionError)
    expect(store.isConnected).toBe(false)
  })
})

describe('PostgreSQLEventStore on a server', () => {
  let pool: pg.Pool
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: server.url, max: 2 })
  })
  afterAll(() => pool.end())

  it('a pool of yours stays open after close, and the location names no password', async () => {
    const store = notesStore({ pool })
    expect(store.database).toMatch(
      /^postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/es_test_/,
    )
    await store.initialize()
    await store.close()
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
  })

  it('wakes a watcher of its appends once an append, whoever the writer', async () => {
    await using store = notesStore({ pool })
    await using other = notesStore({ connectionString: server.url })
    await expectOneWakeAnAppend(store, other)
  })

  it('listens on a connection of its pool, whatever the options hold, and leaves a pool its last one', async () => {
    // A pool of the library's shape whose options name no server: notifications still come.
    await using store = notesStore({
      pool: {
        options: { max: 2 },
        query: (config) => pool.query(config),
        connect: () => pool.connect(),
      },
    })
    await using other = notesStore({ connectionString: server.url })
    await expectOneWakeAnAppend(store, other)
    // A pool of one connection: listening would leave the store's queries none; its appends still wake.
    const single = new pg.Pool({ connectionString: server.url, max: 1 })
    try {
      await using alone = notesStore({ pool: single })
      await expectOneWakeAnAppend(alone)
    } finally {
      await single.end()
    }
  })

  it('leaves a pool its last connection when several stores on it listen', async () => {
    const shared = new pg.Pool({ connectionString: server.url, max: 2 })
    try {
      await using one = notesStore({ pool: shared })
      await using two = notesStore({ pool: shared })
      await one.initialize()
      await two.initialize()
      const stops = [
        await one[WATCH_APPENDS](() => undefined),
        await two[WATCH_APPENDS](() => undefined),
      ]
      try {
        // A listening session for each store would hold both connections: queries would wait forever.
        const answer = await Promise.race([
          two.getGlobalPosition(),
          sleep(5000, 'no connection left'),
        ])
        expect(answer).toBeTypeOf('number')
      } finally {
        for (const stop of stops) await stop()
      }
    } finally {
      await shared.end()
    }
  })

  it('stores JSONB and TIMESTAMPTZ, and reads times back as fixed-width UTC text', async () => {
    await using store = notesStore({ pool })
    await store.initialize()
    await store.appendEvents({
      aggregateId: 'typed',
      aggregateType: 'Note',
      events: [note('typed', { occurredAt: '2024-02-29T12:00:00.5Z' })],
      expectedVersion: 0,
    })
    const { rows } = await pool.query(
      `SELECT pg_typeof(payload)::text AS payload, pg_typeof(occurred_at)::text AS occurred, pg_typeof(global_position)::text AS position FROM events WHERE aggregate_id = 'typed'`,
    )
    expect(rows[0]).toEqual({
      payload: 'jsonb',
      occurred: 'timestamp with time zone',
      position: 'bigint',
    })
    const [stored] = (await store.getEvents('typed', 'Note')).events
    expect(stored!.occurredAt.toISOString()).toBe('2024-02-29T12:00:00.500Z')
  })

  it.each([
    [
      'appendEvents',
      (store: PostgreSQLEventStore, aggregateId: string) =>
        store.appendEvents({
          aggregateId,
          aggregateType: 'Note',
          events: [note(aggregateId)],
          expectedVersion: 0,
        }),
    ],
    [
      'appendStreams',
      (store: PostgreSQLEventStore, aggregateId: string) =>
        store.appendStreams([
          {
            aggregateId: `${aggregateId}-other`,
            aggregateType: 'Note',
            events: [note(`${aggregateId}-other`)],
            expectedVersion: 0,
          },
          {
            aggregateId,
            aggregateType: 'Note',
            events: [note(aggregateId)],
            expectedVersion: 0,
          },
        ]),
    ],
  ])(
    '%s racing a writer that bypasses the append lock gets OptimisticLockError with the real version',
    async (_, write) => {
      await using store = notesStore({ pool })
      await store.initialize()
      const aggregateId = `race-${Math.random()}`
      const intruder = await pool.connect()
      try {
        await intruder.query('BEGIN')
        await intruder.query(
          `INSERT INTO events (event_id, event_type, event_version, aggregate_id, aggregate_type, aggregate_version, correlation_id, occurred_at, payload, metadata)
         VALUES (gen_random_uuid(), 'NoteCreated', 1, $1, 'Note', 1, 'c', now(), '{"title": "t", "content": "c"}', '{}')`,
          [aggregateId],
        )
        // The append waits on the uncommitted row's unique key, then finds it taken.
        const racing = write(store, aggregateId).catch((e: unknown) => e)
        await new Promise((resolve) => setTimeout(resolve, 100))
        await intruder.query('COMMIT')
        expect(await racing).toMatchObject({
          name: 'OptimisticLockError',
          aggregateId,
          expectedVersion: 0,
          actualVersion: 1,
        })
        expect(
          await store.getStreamVersion(`${aggregateId}-other`, 'Note'),
        ).toBe(0)
      } finally {
        intruder.release()
      }
    },
  )

  it('fails with DatabaseBusyError, not a hang, when a lock is held past busyTimeout', async () => {
    await using store = notesStore({
      connectionString: server.url,
      busyTimeout: 200,
    })
    await store.initialize()
    const busy = newStream('busy')
    const holder = await pool.connect()
    try {
      // Hold the lock every insert takes, so that appends fail at their insert, after they took the append
      // lock and their positions.
      await holder.query('BEGIN')
      await holder.query('LOCK TABLE events IN EXCLUSIVE MODE')
      for (const append of [
        () => store.appendEvents(busy),
        () => store.appendStreams([busy]), // in a transaction of its own
      ]) {
        const error = await append().catch((e: unknown) => e)
        expect(error).toBeInstanceOf(DatabaseBusyError)
        expect(String(error)).toMatch(
          /held a lock past the store's busyTimeout.*Nothing was written/,
        )
      }
      await holder.query('ROLLBACK')
      // The failed appends let the append lock go: another session takes it at once.
      const { rows } = await holder.query<{ taken: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS taken',
        [APPEND_LOCK],
      )
      expect(rows[0]!.taken).toBe(true)
      await holder.query('SELECT pg_advisory_unlock($1)', [APPEND_LOCK])
    } finally {
      await holder.query('ROLLBACK')
      holder.release()
    }
    expect(await store.getStreamVersion('busy', 'Note')).toBe(0)
  })

  it('adds the transaction id column to a log made before it, whose events stay readable', async () => {
    const admin = new pg.Client({
      connectionString: withDatabase(server.url, 'postgres'),
    })
    await admin.connect()
    await admin.query('CREATE DATABASE es_earlier_layout')
    await admin.end()
    const url = withDatabase(server.url, 'es_earlier_layout')
    const earlier = new pg.Client({ connectionString: url })
    await earlier.connect()
    await earlier.query(`CREATE TABLE events (
      global_position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id UUID NOT NULL UNIQUE,
      event_type TEXT NOT NULL, event_version INTEGER NOT NULL, aggregate_id TEXT NOT NULL,
      aggregate_type TEXT NOT NULL, aggregate_version INTEGER NOT NULL, tenant_id TEXT, actor_id TEXT,
      correlation_id TEXT NOT NULL, causation_id TEXT, occurred_at TIMESTAMPTZ NOT NULL,
      stored_at TIMESTAMPTZ NOT NULL DEFAULT now(), payload JSONB NOT NULL, metadata JSONB NOT NULL,
      UNIQUE (aggregate_id, aggregate_type, aggregate_version))`)
    await earlier.query(
      `INSERT INTO events (event_id, event_type, event_version, aggregate_id, aggregate_type, aggregate_version, correlation_id, occurred_at, payload, metadata)
       VALUES (gen_random_uuid(), 'NoteCreated', 1, 'old', 'Note', 1, 'c', now(), '{"title": "t", "content": "c"}', '{}')`,
    )
    await earlier.end()
    await using store = notesStore({ connectionString: url })
    await store.initialize()
    await store.appendEvents(newStream('new'))
    const ids = []
    for await (const { event } of store.readAll()) ids.push(event.aggregateId)
    expect(ids).toEqual(['old', 'new'])
    expect(await store.getGlobalPosition()).toBe(2)
  })

  it('refuses a database whose events table is not an event store', async () => {
    const other = withDatabase(server.url, 'postgres')
    const admin = new pg.Client({ connectionString: other })
    await admin.connect()
    await admin.query('CREATE DATABASE es_foreign_table')
    await admin.end()
    const foreign = new pg.Client({
      connectionString: withDatabase(server.url, 'es_foreign_table'),
    })
    await foreign.connect()
    await foreign.query('CREATE TABLE events (id serial, body text)')
    await foreign.end()
    const store = new PostgreSQLEventStore({
      connectionString: withDatabase(server.url, 'es_foreign_table'),
    })
    await expect(store.initialize()).rejects.toThrow(
      /has an "events" table that is not an event store's \(it lacks global_position/,
    )
  })
})

describe('connection errors name what to check, never the password', () => {
  const closedPort = () =>
    new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number }
        probe.close(() => resolve(port))
      })
    })
  const password = () => new URL(server.url).password
  const withUrl = (change: (url: URL) => void) => {
    const url = new URL(server.url)
    change(url)
    return url.toString()
  }

  it.each([
    [
      'a bad host',
      async () => withUrl((u) => (u.hostname = 'no-such-host.invalid')),
      /host name does not resolve\. Check the host name/,
    ],
    [
      'a bad port',
      async () => {
        const port = await closedPort()
        return withUrl((u) => (u.port = String(port)))
      },
      /refused\. Check that the server is running, and the host and port/,
    ],
    [
      'a bad password',
      async () => withUrl((u) => (u.password = 'wrong-password-123')),
      /password authentication failed.*Check the user name and the password/,
    ],
    [
      'a bad database',
      async () => withUrl((u) => (u.pathname = '/no_such_database')),
      /database "no_such_database" does not exist.*Check the database name/,
    ],
  ])('%s', async (_, makeUrl, message) => {
    const connectionString = await makeUrl()
    const store = new PostgreSQLEventStore({ connectionString })
    const error = await store.initialize().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreConnectionError)
    expect(String(error)).toMatch(message)
    const everything = `${String(error)} ${(error as Error).stack} ${inspect(error, { depth: 10 })} ${inspect(store, { depth: 10 })}`
    for (const secret of [password(), 'wrong-password-123', connectionString])
      expect(everything).not.toContain(secret)
    expect(String(error)).toMatch(/postgres:\/\/postgres:\*\*\*@/)
    expect(store.isConnected).toBe(false)
  })
})
