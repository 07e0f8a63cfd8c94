// appendStreams: several streams in one transaction, on every store of the library.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  DuplicateEventIdError,
  ExpectedVersion,
  InMemoryEventStore,
  InvalidArgumentError,
  OptimisticLockError,
  PostgreSQLEventStore,
  SQLiteEventStore,
  type EventRegistry,
} from 'eventsource-ts'
import { NoteCreated, NoteUpdated, notesRegistry } from '../support/notes.ts'
import { usePostgresDatabase } from '../support/postgres-server.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-append-streams-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const server = usePostgresDatabase()
let pglite: PGlite
let pool: pg.Pool
beforeAll(async () => {
  pglite = await PGlite.create()
  pool = new pg.Pool({ connectionString: server.url, max: 2 })
})
afterAll(async () => {
  await pglite.close()
  await pool.end()
})

const dropSchema = async (run: (sql: string) => Promise<unknown>) => {
  await run('DROP TABLE IF EXISTS events')
  await run('DROP FUNCTION IF EXISTS eventsource_append_event')
  await run('DROP FUNCTION IF EXISTS eventsource_append')
  await run('DROP FUNCTION IF EXISTS eventsource_append_streams')
}
let files = 0
const targets: {
  name: string
  create(
    eventRegistry: EventRegistry,
  ): Promise<InMemoryEventStore | SQLiteEventStore | PostgreSQLEventStore>
}[] = [
  {
    name: 'InMemoryEventStore',
    create: async (eventRegistry) => new InMemoryEventStore({ eventRegistry }),
  },
  {
    name: 'SQLiteEventStore',
    create: async (eventRegistry) =>
      new SQLiteEventStore(join(dir, `s-${++files}.db`), { eventRegistry }),
  },
  {
    name: 'PostgreSQLEventStore on PGlite',
    create: async (eventRegistry) => (
      await dropSchema((sql) => pglite.query(sql)),
      new PostgreSQLEventStore({ embedded: pglite, eventRegistry })
    ),
  },
  {
    name: 'PostgreSQLEventStore on a server',
    create: async (eventRegistry) => (
      await dropSchema((sql) => pool.query(sql)),
      new PostgreSQLEventStore({ pool, eventRegistry })
    ),
  },
]

const created = (aggregateId: string) =>
  new NoteCreated({ aggregateId, title: 't', content: 'c' })
const updated = (aggregateId: string, content = 'u') =>
  new NoteUpdated({ aggregateId, content })
const append = (
  aggregateId: string,
  events: (
    InstanceType<typeof NoteCreated> | InstanceType<typeof NoteUpdated>
  )[],
  expectedVersion: number,
) => ({
  aggregateId,
  aggregateType: 'Note',
  events,
  expectedVersion,
})

describe.each(targets)('appendStreams on $name', (target) => {
  let store: Awaited<ReturnType<typeof target.create>>
  afterEach(() => store.close())
  const open = async () => {
    store = await target.create(notesRegistry)
    await store.initialize()
  }
  const positions = async () => {
    const all: [string, number][] = []
    for await (const stored of store.readAll())
      all.push([stored.event.aggregateId, stored.event.aggregateVersion])
    return all
  }

  it('appends to several streams in the order given, each with its own expected version', async () => {
    await open()
    await store.appendEvents(append('b', [created('b')], 0))
    const results = await store.appendStreams([
      append('a', [created('a'), updated('a')], 0),
      append('b', [updated('b')], 1),
      append('a', [updated('a')], 2),
    ])
    expect(results.map((r) => r.newVersion)).toEqual([2, 2, 3])
    expect(results.map((r) => r.globalPosition)).toEqual(
      [...results.map((r) => r.globalPosition)].sort((x, y) => x - y),
    )
    expect(await positions()).toEqual([
      ['b', 1],
      ['a', 1],
      ['a', 2],
      ['b', 2],
      ['a', 3],
    ])
  })

  it('writes nothing when one append conflicts', async () => {
    await open()
    await store.appendEvents(append('b', [created('b')], 0))
    const before = await store.getGlobalPosition()
    const error = await store
      .appendStreams([
        append('a', [created('a')], 0),
        append('b', [updated('b')], 5),
      ])
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OptimisticLockError)
    expect(error).toMatchObject({
      aggregateId: 'b',
      expectedVersion: 5,
      actualVersion: 1,
    })
    expect(await store.getStreamVersion('a', 'Note')).toBe(0)
    expect(await positions()).toEqual([['b', 1]])
    // The store is still usable, and positions still rise.
    const [result] = await store.appendStreams([append('a', [created('a')], 0)])
    expect(result!.globalPosition).toBeGreaterThan(before)
  })

  it('reports the version an earlier append of the call left, when a later one expects the stream new', async () => {
    await open()
    // An empty append sends the whole call one stream at a time.
    const error = await store
      .appendStreams([
        append('a', [created('a')], ExpectedVersion.ANY),
        append('a', [updated('a')], 0),
        append('b', [], ExpectedVersion.ANY),
      ])
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OptimisticLockError)
    expect(error).toMatchObject({
      aggregateId: 'a',
      expectedVersion: 0,
      actualVersion: 1,
    })
    expect(await positions()).toEqual([])
  })

  it('is idempotent: a retried call skips what it had written', async () => {
    await open()
    const appends = [
      append('a', [created('a')], ExpectedVersion.NO_STREAM),
      append('c', [created('c'), updated('c')], 0),
    ]
    const first = await store.appendStreams(appends)
    const again = await store.appendStreams(appends)
    expect(again).toEqual(
      first.map((r, i) => ({ ...r, skipped: appends[i]!.events.length })),
    )
    expect(await positions()).toHaveLength(3)
  })

  it('skips the events already stored where the expected versions hold, and refuses an id stored in another stream', async () => {
    await open()
    const stored = created('a')
    await store.appendStreams([append('a', [stored], 0)])
    expect(
      await store.appendStreams([
        append('a', [stored, updated('a')], ExpectedVersion.ANY),
        append('b', [created('b')], 0),
      ]),
    ).toMatchObject([
      { newVersion: 2, skipped: 1 },
      { newVersion: 1, skipped: 0 },
    ])
    await expect(
      store.appendStreams([
        append(
          'x',
          [new NoteCreated({ ...stored.toJSON(), aggregateId: 'x' } as never)],
          0,
        ),
      ]),
    ).rejects.toThrow(DuplicateEventIdError)
    expect(await positions()).toEqual([
      ['a', 1],
      ['a', 2],
      ['b', 1],
    ])
  })

  it('refuses bad input and an id stored in another stream before writing anything', async () => {
    await open()
    await expect(store.appendStreams('nope' as never)).rejects.toThrow(
      InvalidArgumentError,
    )
    await expect(
      store.appendStreams([
        append('a', [created('a')], 0),
        { aggregateId: '' } as never,
      ]),
    ).rejects.toThrow(InvalidArgumentError)
    const event = created('a')
    await expect(
      store.appendStreams([
        append('a', [event], 0),
        append(
          'x',
          [new NoteCreated({ ...event.toJSON(), aggregateId: 'x' } as never)],
          0,
        ),
      ]),
    ).rejects.toThrow(DuplicateEventIdError)
    expect(await store.getGlobalPosition()).toBe(0)
    expect(await store.appendStreams([])).toEqual([])
  })
})
