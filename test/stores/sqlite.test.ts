import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import {
  DatabaseBusyError,
  defaultRegistry,
  EventRegistry,
  InvalidArgumentError,
  SQLITE_AVAILABLE,
  SQLiteEventStore,
  StoreConnectionError,
} from 'eventsource-ts'
import { expectOneWakeAnAppend } from '../support/append-wakes.ts'
import { NoteCreated, notesRegistry } from '../support/notes.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-sqlite-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const newPath = () => join(dir, `store-${++files}.db`)
const note = (aggregateId: string) =>
  new NoteCreated({ aggregateId, title: 't', content: 'c' })

describe('SQLiteEventStore', () => {
  it('SQLITE_AVAILABLE is true when the driver loads', () => {
    expect(SQLITE_AVAILABLE).toBe(true)
  })

  it('has the defaults of the lesson', async () => {
    await using store = new SQLiteEventStore(':memory:')
    expect(store).toMatchObject({
      database: ':memory:',
      walMode: false,
      busyTimeout: 5000,
      enableTracing: true,
      isConnected: false,
    })
    expect(store.eventRegistry).toBe(defaultRegistry)
    await store.initialize()
    expect(store.isConnected).toBe(true)
    const file = new SQLiteEventStore(newPath())
    expect(file.walMode).toBe(true)
    expect(file.synchronous).toBe('NORMAL')
  })

  it('takes its options positionally or in one object', () => {
    const registry = new EventRegistry()
    const positional = new SQLiteEventStore('./events.db', {
      eventRegistry: registry,
      walMode: false,
      busyTimeout: 10_000,
      enableTracing: false,
    })
    expect(positional).toMatchObject({
      database: './events.db',
      walMode: false,
      busyTimeout: 10_000,
      enableTracing: false,
      eventRegistry: registry,
    })
    const byObject = new SQLiteEventStore({
      database: ':memory:',
      eventRegistry: registry,
      walMode: false,
    })
    expect(byObject).toMatchObject({
      database: ':memory:',
      walMode: false,
      eventRegistry: registry,
    })
  })

  it.each([
    [
      'no database',
      () => new SQLiteEventStore(undefined as never),
      /database must be a file path or ':memory:'/,
    ],
    ['an empty path', () => new SQLiteEventStore(''), /database/],
    [
      'a number as the database',
      () => new SQLiteEventStore(42 as never),
      /got 42/,
    ],
    [
      'an unknown option',
      () => new SQLiteEventStore(':memory:', { walmode: true } as never),
      /unknown option "walmode".*Known options: eventRegistry/,
    ],
    [
      'an unknown option in the object form',
      () => new SQLiteEventStore({ database: ':memory:', timeout: 5 } as never),
      /unknown option "timeout"/,
    ],
    [
      'a negative busy timeout',
      () => new SQLiteEventStore(':memory:', { busyTimeout: -1 }),
      /busyTimeout/,
    ],
    [
      'a string busy timeout',
      () => new SQLiteEventStore(':memory:', { busyTimeout: '5000' as never }),
      /busyTimeout/,
    ],
    [
      'a non-boolean walMode',
      () => new SQLiteEventStore(':memory:', { walMode: 'yes' as never }),
      /walMode/,
    ],
    [
      'a bad synchronous',
      () =>
        new SQLiteEventStore(':memory:', { synchronous: 'SOMETIMES' as never }),
      /synchronous/,
    ],
    [
      'a registry that is not one',
      () => new SQLiteEventStore(':memory:', { eventRegistry: {} as never }),
      /eventRegistry/,
    ],
    [
      'options twice',
      () =>
        new (
          SQLiteEventStore as unknown as new (a: object, b: object) => unknown
        )({ database: ':memory:' }, {}),
      /not both/,
    ],
  ])('refuses %s with InvalidArgumentError', (_, make, message) => {
    expect(make).toThrow(InvalidArgumentError)
    expect(make).toThrow(message)
  })

  it('keeps a :memory: database only while open', async () => {
    const store = new SQLiteEventStore(':memory:', {
      eventRegistry: notesRegistry,
    })
    await store.initialize()
    await store.appendEvents({
      aggregateId: 'n',
      aggregateType: 'Note',
      events: [note('n')],
      expectedVersion: 0,
    })
    await store.close()
    await store.initialize()
    expect(await store.getGlobalPosition()).toBe(0)
    await store.close()
  })

  it('persists a file across reopening, with -wal and -shm files only while open', async () => {
    const path = newPath()
    const first = new SQLiteEventStore(path, { eventRegistry: notesRegistry })
    await first.initialize()
    await first.appendEvents({
      aggregateId: 'n',
      aggregateType: 'Note',
      events: [note('n')],
      expectedVersion: 0,
    })
    expect(existsSync(`${path}-wal`)).toBe(true)
    expect(existsSync(`${path}-shm`)).toBe(true)
    await first.close()
    expect(existsSync(path)).toBe(true)
    expect(existsSync(`${path}-wal`)).toBe(false)
    await using second = new SQLiteEventStore(path, {
      eventRegistry: notesRegistry,
    })
    await second.initialize()
    expect((await second.getEvents('n', 'Note')).events[0]).toMatchObject({
      title: 't',
    })
  })

  it('wakes a watcher of its appends once an append, in memory and on a file, whoever the writer', async () => {
    {
      await using store = new SQLiteEventStore(':memory:', {
        eventRegistry: notesRegistry,
      })
      await expectOneWakeAnAppend(store)
    }
    const path = newPath()
    await using store = new SQLiteEventStore(path, {
      eventRegistry: notesRegistry,
    })
    await using other = new SQLiteEventStore(path, {
      eventRegistry: notesRegistry,
    })
    await expectOneWakeAnAppend(store, other)
  })

  it('refuses a path in a missing directory, creating nothing', async () => {
    const path = join(dir, 'missing', 'events.db')
    const store = new SQLiteEventStore(path)
    await expect(store.initialize()).rejects.toThrow(StoreConnectionError)
    await expect(store.initialize()).rejects.toThrow(
      /directory .*missing does not exist.*mkdir -p/,
    )
    expect(existsSync(join(dir, 'missing'))).toBe(false)
    expect(store.isConnected).toBe(false)
  })

  it('refuses a file that is not a database, leaving it as it was', async () => {
    const path = join(dir, 'notes.txt')
    writeFileSync(
      path,
      'Dear diary, today I learned event sourcing. '.repeat(100),
    )
    const store = new SQLiteEventStore(path)
    await expect(store.initialize()).rejects.toThrow(StoreConnectionError)
    await expect(store.initialize()).rejects.toThrow(/is not a SQLite database/)
    expect(readdirSync(dir).filter((f) => f.startsWith('notes.txt'))).toEqual([
      'notes.txt',
    ])
  })

  it('refuses a directory as the database', async () => {
    await expect(new SQLiteEventStore(dir).initialize()).rejects.toThrow(
      /is a directory/,
    )
  })

  it("refuses a database whose events table is someone else's", async () => {
    const path = newPath()
    const db = new Database(path)
    db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, name TEXT)')
    db.close()
    await expect(new SQLiteEventStore(path).initialize()).rejects.toThrow(
      /not an event store's \(it lacks global_position/,
    )
  })

  it('fails with DatabaseBusyError, not a hang, when another connection holds the write lock past busyTimeout', async () => {
    const path = newPath()
    await using store = new SQLiteEventStore(path, {
      eventRegistry: notesRegistry,
      busyTimeout: 200,
    })
    await store.initialize()
    const holder = new Database(path)
    holder.exec('BEGIN IMMEDIATE')
    try {
      const error = await store
        .appendEvents({
          aggregateId: 'n',
          aggregateType: 'Note',
          events: [note('n')],
          expectedVersion: 0,
        })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DatabaseBusyError)
      expect(String(error)).toMatch(
        /locked by another connection.*busyTimeout \(200 ms\).*Nothing was written/,
      )
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect(await store.getGlobalPosition()).toBe(0)
    await store.appendEvents({
      aggregateId: 'n',
      aggregateType: 'Note',
      events: [note('n')],
      expectedVersion: 0,
    })
    expect(await store.getGlobalPosition()).toBe(1)
  })

  it('stores times as fixed-width UTC ISO-8601 text', async () => {
    const path = newPath()
    await using store = new SQLiteEventStore(path, {
      eventRegistry: notesRegistry,
    })
    await store.initialize()
    const early = new NoteCreated({
      aggregateId: 'a',
      title: 't',
      content: 'c',
      occurredAt: '0999-05-06T07:08:09.010Z',
    })
    await store.appendEvents({
      aggregateId: 'a',
      aggregateType: 'Note',
      events: [early],
      expectedVersion: 0,
    })
    const db = new Database(path, { readonly: true })
    const row = db
      .prepare('SELECT occurred_at, stored_at FROM events')
      .get() as { occurred_at: string; stored_at: string }
    db.close()
    expect(row.occurred_at).toBe('0999-05-06T07:08:09.010Z')
    expect(row.stored_at).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    )
  })
})
