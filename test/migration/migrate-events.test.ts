import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  InMemoryEventStore,
  InvalidArgumentError,
  migrateEvents,
  MigrationConflictError,
  OptimisticLockError,
  PostgreSQLEventStore,
  SQLiteEventStore,
  type AppendEventsInput,
  type EventStore,
  type MigrationProgress,
} from 'eventsource-ts'
import { FROM_SOURCE } from '../../tools/source-condition.ts'
import { startChild } from '../reliability/support/child-process.ts'
import { NoteCreated, notesRegistry } from '../support/notes.ts'
import { writeNotesLog } from '../support/notes-log.ts'
import { usePostgresDatabase } from '../support/postgres-server.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-migration-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const server = usePostgresDatabase()
const eventRegistry = notesRegistry
let files = 0
const newFile = () => join(dir, `events-${++files}.db`)

/** A SQLite file holding `total` Note events, open. */
async function sqliteLog(total: number): Promise<SQLiteEventStore> {
  const store = new SQLiteEventStore(newFile(), { eventRegistry })
  await store.initialize()
  await writeNotesLog(store, { total })
  return store
}

async function log(store: EventStore) {
  const events = []
  for await (const { event } of store.readAll()) events.push(event.toJSON())
  return events
}

describe('migrateEvents', () => {
  it('copies every event from a SQLite file to PGlite in global order, keeping ids, times, payloads, streams and versions', async () => {
    await using source = await sqliteLog(600)
    const db = new PGlite()
    await using target = new PostgreSQLEventStore({
      embedded: db,
      eventRegistry,
    })
    await target.initialize()
    const progress: MigrationProgress[] = []
    const report = await migrateEvents({
      source,
      target,
      batchSize: 250,
      onProgress: (p) => progress.push(p),
    })
    expect(report).toMatchObject({
      copied: 600,
      skipped: 0,
      total: 600,
      position: 600,
      streams: 60,
      verified: true,
      mismatches: [],
    })
    expect(report.checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(await log(target)).toEqual(await log(source))
    expect(progress.map((p) => p.copied)).toEqual([0, 250, 500, 600])
    expect(progress.every((p) => p.total === 600)).toBe(true)

    const again = await migrateEvents({ source, target })
    expect(again).toMatchObject({
      copied: 0,
      skipped: 600,
      verified: true,
      checksum: report.checksum,
    })

    // The target checks its copy in SQL: one changed field of one event shows.
    await db.query(
      `UPDATE events SET payload = payload || '{"content": "changed"}' WHERE aggregate_id = 'note-3' AND aggregate_version = 2`,
    )
    const changed = await migrateEvents({ source, target })
    expect(changed).toMatchObject({ copied: 0, verified: false })
    expect(changed.mismatches).toHaveLength(1)
    const [mismatch] = changed.mismatches
    expect(mismatch).toMatchObject({
      aggregateId: 'note-3',
      aggregateType: 'Note',
    })
    expect(mismatch!.target).toMatchObject({
      events: mismatch!.source.events,
      version: mismatch!.source.version,
    })
    expect(mismatch!.target!.checksum).not.toBe(mismatch!.source.checksum)
    await db.close()
  })

  it('copies between any two stores, one transaction a batch', async () => {
    class CountingStore extends SQLiteEventStore {
      transactions = 0
      override appendStreams(appends: readonly AppendEventsInput[]) {
        this.transactions++
        return super.appendStreams(appends)
      }
    }
    await using memory = new InMemoryEventStore({ eventRegistry })
    await memory.initialize()
    await writeNotesLog(memory, { total: 1000 })
    await using sqlite = new CountingStore(newFile(), { eventRegistry })
    await sqlite.initialize()
    expect(
      await migrateEvents({ source: memory, target: sqlite, batchSize: 300 }),
    ).toMatchObject({ copied: 1000, total: 1000, verified: true })
    expect(sqlite.transactions).toBe(4)
    await using back = new InMemoryEventStore({ eventRegistry })
    await back.initialize()
    expect(await migrateEvents({ source: sqlite, target: back })).toMatchObject(
      { copied: 1000, verified: true },
    )
    expect(await log(back)).toEqual(await log(memory))
  })

  it('copies the log as it was when it started', async () => {
    await using source = await sqliteLog(50)
    await using target = new InMemoryEventStore({ eventRegistry })
    await target.initialize()
    let added = false
    const report = await migrateEvents({
      source,
      target,
      batchSize: 10,
      onProgress: () => {
        if (added) return
        added = true
        void source.appendEvents({
          aggregateId: 'late',
          aggregateType: 'Note',
          events: [
            new NoteCreated({ aggregateId: 'late', title: 't', content: 'c' }),
          ],
          expectedVersion: 0,
        })
      },
    })
    expect(report).toMatchObject({
      copied: 50,
      total: 50,
      position: 50,
      verified: true,
    })
    expect(await migrateEvents({ source, target })).toMatchObject({
      copied: 1,
      skipped: 50,
      total: 51,
    })
  })

  it('stops at a target stream that holds other events, writing nothing of that batch', async () => {
    await using source = await sqliteLog(100)
    await using target = new InMemoryEventStore({ eventRegistry })
    await target.initialize()
    await target.appendEvents({
      aggregateId: 'note-7',
      aggregateType: 'Note',
      events: [
        new NoteCreated({
          aggregateId: 'note-7',
          title: 'other',
          content: 'x',
        }),
      ],
      expectedVersion: 0,
    })
    const error = await migrateEvents({
      source,
      target,
      batchSize: 1000,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MigrationConflictError)
    expect(error).toMatchObject({
      aggregateId: 'note-7',
      aggregateType: 'Note',
      cause: expect.any(OptimisticLockError),
    })
    expect(String(error)).toMatch(
      /Cannot copy Note note-7 \(from source position \d+\): the target holds other events for it/,
    )
    expect(await target.getGlobalPosition()).toBe(1)
  })

  it('reports a target stream whose events have the source ids but other contents', async () => {
    await using source = await sqliteLog(30)
    await using target = new InMemoryEventStore({ eventRegistry })
    await target.initialize()
    const [first] = (await source.getEvents('note-0', 'Note')).events
    const changed = new NoteCreated({
      eventId: first!.eventId,
      aggregateId: 'note-0',
      title: 'changed',
      content: 'c',
    })
    await target.appendEvents({
      aggregateId: 'note-0',
      aggregateType: 'Note',
      events: [changed],
      expectedVersion: 0,
    })
    const report = await migrateEvents({ source, target })
    expect(report).toMatchObject({ copied: 29, skipped: 1, verified: false })
    expect(report.mismatches).toEqual([
      {
        aggregateId: 'note-0',
        aggregateType: 'Note',
        source: expect.objectContaining({ events: 5 }),
        target: expect.objectContaining({ events: 5 }),
      },
    ])
  })

  it('stops between batches when aborted, and a re-run continues', async () => {
    await using source = await sqliteLog(100)
    await using target = new InMemoryEventStore({ eventRegistry })
    await target.initialize()
    const controller = new AbortController()
    const stopped = await migrateEvents({
      source,
      target,
      batchSize: 40,
      signal: controller.signal,
      onProgress: (p) => p.copied > 0 && controller.abort(),
    }).catch((e: unknown) => e)
    expect(stopped).toMatchObject({ name: 'AbortError' })
    expect(await target.getGlobalPosition()).toBe(40)
    expect(
      await migrateEvents({ source, target, batchSize: 40 }),
    ).toMatchObject({ copied: 60, skipped: 40, verified: true })
  })

  it.each([
    [
      'no target',
      { source: new InMemoryEventStore() },
      /target must be an event store/,
    ],
    [
      'the same store twice',
      (() => {
        const s = new InMemoryEventStore()
        return { source: s, target: s }
      })(),
      /same store/,
    ],
    [
      'a batch size of 0',
      {
        source: new InMemoryEventStore(),
        target: new InMemoryEventStore(),
        batchSize: 0,
      },
      /batchSize/,
    ],
    [
      'an unknown option',
      {
        source: new InMemoryEventStore(),
        target: new InMemoryEventStore(),
        batch: 5,
      },
      /unknown option "batch"/,
    ],
    [
      'a progress that is no function',
      {
        source: new InMemoryEventStore(),
        target: new InMemoryEventStore(),
        onProgress: 1,
      },
      /onProgress/,
    ],
  ])('refuses %s', async (_, options, message) => {
    await expect(migrateEvents(options as never)).rejects.toThrow(
      InvalidArgumentError,
    )
    await expect(migrateEvents(options as never)).rejects.toThrow(message)
  })
})

describe('migrateEvents resumes after the process is killed midway', () => {
  const TOTAL = 3000
  let sourcePath = ''
  let pool: pg.Pool
  beforeAll(async () => {
    await using source = await sqliteLog(TOTAL)
    sourcePath = source.database
    pool = new pg.Pool({ connectionString: server.url, max: 2 })
  })
  afterAll(() => pool.end())

  async function killMidway(target: string): Promise<void> {
    const child = startChild(
      new URL('./migrate-child.ts', import.meta.url).pathname,
      [sourcePath, target, '100'],
      {
        command: [process.execPath, ...FROM_SOURCE],
      },
    )
    await child.waitForLine(
      (line) => (JSON.parse(line) as MigrationProgress).copied >= 500,
    )
    child.kill()
    const exit = await child.exited
    expect(exit.signal).toBe('SIGKILL')
    expect(child.lines.some((line) => line.includes('"done"'))).toBe(false)
  }

  async function resume(target: PostgreSQLEventStore): Promise<void> {
    await target.initialize()
    const before = (await log(target)).length
    expect(before).toBeGreaterThanOrEqual(500)
    expect(before).toBeLessThan(TOTAL)
    await using source = new SQLiteEventStore(sourcePath, { eventRegistry })
    await source.initialize()
    const report = await migrateEvents({ source, target, batchSize: 100 })
    expect(report).toMatchObject({
      skipped: before,
      copied: TOTAL - before,
      total: TOTAL,
      verified: true,
    })
    expect(await log(target)).toEqual(await log(source))
  }

  it('into PGlite in a directory', async () => {
    const dataDir = join(dir, 'pglite-target')
    await killMidway(dataDir)
    await using target = new PostgreSQLEventStore({
      embedded: dataDir,
      eventRegistry,
    })
    await resume(target)
  })

  it('into a PostgreSQL server', async () => {
    process.env.TARGET_URL = server.url
    try {
      await killMidway('server')
    } finally {
      delete process.env.TARGET_URL
    }
    await using target = new PostgreSQLEventStore({ pool, eventRegistry })
    await resume(target)
  })
})
