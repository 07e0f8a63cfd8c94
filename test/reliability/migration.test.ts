// Interrupted migration: migrateEvents, copying a SQLite file into a PostgreSQL server, is killed with SIGKILL
// at random points, again and again, and re-run each time. Between kills the target holds a whole-batch
// prefix of the source; at the end it is the source. (test/migration has one kill into PGlite as well.)
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  InMemoryEventStore,
  migrateEvents,
  PostgreSQLEventStore,
  SQLiteEventStore,
  type EventStore,
  type MigrationProgress,
} from 'eventsource-ts'
import { notesRegistry } from '../support/notes.ts'
import { writeNotesLog } from '../support/notes-log.ts'
import { usePostgresDatabase } from '../support/postgres-server.ts'
import { bundleChild, startChild } from './support/child-process.ts'
import { randomInt, seed, seededRandom } from './support/random.ts'
import { sized } from './support/soak.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-migration-kills-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const server = usePostgresDatabase()

const TOTAL = 2000
const BATCH = 100
/** Kills of the migrating child, at most: fewer land when an earlier run got to the end. */
const KILLS = sized(4, 10)
const eventRegistry = notesRegistry
let sourcePath: string
let sourceLog: EventJson[]
let migrator: string
beforeAll(async () => {
  sourcePath = join(dir, 'source.db')
  await using source = new SQLiteEventStore(sourcePath, { eventRegistry })
  await source.initialize()
  await writeNotesLog(source, { total: TOTAL })
  sourceLog = await log(source)
  migrator = await bundleChild(
    new URL('../migration/migrate-child.ts', import.meta.url),
  )
})

type EventJson = Record<string, unknown>

/** Every event in global order, as JSON: ids, types, streams, versions, times, payloads and metadata. */
async function log(store: EventStore): Promise<EventJson[]> {
  const events: EventJson[] = []
  for await (const { event } of store.readAll()) events.push(event.toJSON())
  return events
}

/** A checksum of this test's own, over the whole log in order (keys sorted, as JSONB reorders them). */
function checksum(events: EventJson[]): string {
  const hash = createHash('sha256')
  for (const event of events)
    hash.update(
      JSON.stringify(event, (_, value: unknown) =>
        isObject(value)
          ? Object.fromEntries(Object.entries(value).sort())
          : value,
      ),
    )
  return hash.digest('hex')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * Kills the migrating child up to `kills` times, each at a random point ahead of the last, so kills land
 * between batches, inside one, while it skips what an earlier run copied, and while it is still counting
 * the source. After each kill the target must hold the source's first n events, n a multiple of
 * the batch size (each batch is one transaction). Then one last run completes the migration.
 */
async function killAndResume(open: () => PostgreSQLEventStore, kills: number) {
  const random = seededRandom(seed)
  const prefixes: number[] = []
  let killed = 0
  for (let kill = 0; kill < kills && (prefixes.at(-1) ?? 0) < TOTAL; kill++) {
    const context = `seed ${seed}, kill ${kill}`
    const child = startChild(migrator, [sourcePath, 'server', String(BATCH)], {
      env: { TARGET_URL: server.url },
    })
    // Kill once the migration has reached a random position ahead of what the target holds, a few
    // milliseconds into the next batch, or (one time in eight) while it still opens and counts the source.
    const done = prefixes.at(-1) ?? 0
    if (random() < 1 / 8) await sleep(randomInt(random, 0, 300))
    else {
      const position =
        randomInt(random, done / BATCH, TOTAL / BATCH - 1) * BATCH
      await child
        .waitForLine(
          (line) =>
            (JSON.parse(line) as MigrationProgress).position >= position,
        )
        .catch(() => undefined)
      await sleep(randomInt(random, 0, 25))
    }
    child.kill()
    const exit = await child.exited
    if (exit.signal === 'SIGKILL') killed++
    // Else the child finished before the kill landed: the migration is complete.
    else expect(exit.code, `${context}: ${exit.stderr}`).toBe(0)
    await using store = open()
    await store.initialize()
    const copied = await log(store)
    expect(
      copied.length % BATCH === 0 || copied.length === TOTAL,
      `${context}: ${copied.length} events, not whole batches`,
    ).toBe(true)
    expect(
      copied,
      `${context}: the target is not a prefix of the source`,
    ).toEqual(sourceLog.slice(0, copied.length))
    prefixes.push(copied.length)
  }

  await using source = new SQLiteEventStore(sourcePath, { eventRegistry })
  await source.initialize()
  await using store = open()
  await store.initialize()
  const report = await migrateEvents({
    source,
    target: store,
    batchSize: BATCH,
  })
  expect(report).toMatchObject({
    total: TOTAL,
    copied: TOTAL - prefixes.at(-1)!,
    skipped: prefixes.at(-1),
    verified: true,
    mismatches: [],
  })
  const copied = await log(store)
  expect(copied).toEqual(sourceLog)
  expect(checksum(copied)).toBe(checksum(sourceLog))
  // The library's own checksum agrees: migrating the target onward reports the source's.
  await using onward = new InMemoryEventStore({ eventRegistry })
  await onward.initialize()
  expect(
    (await migrateEvents({ source: store, target: onward })).checksum,
  ).toBe(report.checksum)
  return { kills: killed, prefixes }
}

describe('interrupted migration', () => {
  it(`into a PostgreSQL server: killed at random points and re-run, the target ends identical to the source (seed ${seed})`, async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 2 })
    try {
      const result = await killAndResume(
        () => new PostgreSQLEventStore({ pool, eventRegistry }),
        KILLS,
      )
      console.log(
        `migration/server: ${result.kills} kills survived, target held ${result.prefixes.join(', ')} of ${TOTAL} events after each; final log identical, checksums match`,
      )
    } finally {
      await pool.end()
    }
  }, 120_000)
})
