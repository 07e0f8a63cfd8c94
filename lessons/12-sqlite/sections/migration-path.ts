/**
 * From SQLite to PostgreSQL: the Python original's loop first, then
 * migrateEvents. The target is PostgreSQL embedded in this process by PGlite,
 * or the server at DATABASE_URL when it is set.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import {
  ExpectedVersion,
  migrateEvents,
  PostgreSQLEventStore,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'
import { progressBar } from '../../../tools/workbook/progress-bar.ts'
import { NoteCreated, NoteUpdated } from '../notes.ts'

const NOTES = 100
/** A note is written in two sessions of five events; notes interleave. */
const SESSIONS = 2
const EVENTS_PER_SESSION = 5
/** Where the lesson stops the first loop, as if its process had died. */
const CRASH_AFTER = 300

/** Fills the source with notes, interleaved in the log as real use would. */
async function fillSource(store: EventStore): Promise<void> {
  const notes = Array.from({ length: NOTES }, () => randomUUID())
  for (let session = 0; session < SESSIONS; session++) {
    for (const aggregateId of notes) {
      const first = session * EVENTS_PER_SESSION + 1
      const events = Array.from({ length: EVENTS_PER_SESSION }, (_, i) =>
        first + i === 1
          ? new NoteCreated({
              aggregateId,
              title: 'Migrated note',
              content: 'v1',
            })
          : new NoteUpdated({
              aggregateId,
              aggregateVersion: first + i,
              content: `v${first + i}`,
            }),
      )
      await store.appendEvents({
        aggregateId,
        aggregateType: 'Note',
        events,
        expectedVersion: first - 1,
      })
    }
  }
}

/**
 * PGlite in memory; with DATABASE_URL, a schema of its own on that server,
 * dropped afterwards.
 */
async function openTarget(): Promise<{
  store: PostgreSQLEventStore
  dispose(): Promise<void>
}> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const store = new PostgreSQLEventStore({ embedded: true })
    return { store, dispose: () => store.close() }
  }
  const schema = `lesson12_${randomUUID().replaceAll('-', '')}`
  const pool = new pg.Pool({
    connectionString: url,
    options: `-c search_path=${schema}`,
  })
  await pool.query(`CREATE SCHEMA ${schema}`)
  const store = new PostgreSQLEventStore({ pool })
  return {
    store,
    dispose: async () => {
      await store.close()
      await pool.query(`DROP SCHEMA ${schema} CASCADE`)
      await pool.end()
    },
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const rate = (events: number, ms: number) => {
  const perSecond = Math.round(events / (ms / 1000)).toLocaleString('en')
  return `${seconds(ms)}, ${perSecond} events/s`
}

/**
 * Times the copying itself: from migrateEvents' first progress report, before
 * the first batch, to its last.
 */
function copyTimer() {
  let first = 0
  let last = 0
  return {
    lap: () => (last = performance.now()) && (first ||= last),
    get elapsed() {
      return last - first
    },
  }
}

export default async function migrationPath(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lesson-12-'))
  const target = await openTarget()
  try {
    await using source = new SQLiteEventStore(join(dir, 'events.db'))
    await source.initialize()
    await fillSource(source)
    const total = await source.getGlobalPosition()
    await target.store.initialize()
    const events = total.toLocaleString('en')
    console.log(`Source: ${source.database}`)
    console.log(`  with ${events} events of ${NOTES} notes`)
    const where = process.env.DATABASE_URL
      ? '(DATABASE_URL, in a schema of its own)'
      : '(set DATABASE_URL to use a server)'
    console.log(`Target: ${target.store.database} ${where}`)
    const pgTarget = target.store

    // #region naive-loop
    // The Python original's loop: one append, so one transaction, per event;
    // ExpectedVersion.ANY; no resume, no check.
    let count = 0
    const started = performance.now()
    for await (const stored of source.readAll()) {
      const event = stored.event
      await pgTarget.appendEvents({
        aggregateId: event.aggregateId,
        aggregateType: event.aggregateType,
        events: [event],
        expectedVersion: ExpectedVersion.ANY,
      })
      count += 1
      if (count === CRASH_AFTER) break // as if the process had died here
    }
    const took = rate(count, performance.now() - started)
    console.log(
      `Naive loop: ${count} events, one transaction each (${took}), ` +
        'then it died',
    )
    // #endregion naive-loop

    // #region migrate-events
    // migrateEvents: one transaction a batch; expected versions, not ANY; the
    // events the dead run copied are skipped; every stream is verified
    // against the source at the end.
    const bar = progressBar('events')
    const copying = copyTimer()
    const report = await migrateEvents({
      source,
      target: pgTarget,
      batchSize: 500,
      onProgress: ({ copied, skipped, total }) => {
        copying.lap()
        bar.update(copied + skipped, total)
      },
    })
    bar.finish()
    const { copied, skipped, verified, streams, checksum } = report
    console.log(
      `migrateEvents: copied ${copied} in batches of 500 ` +
        `(${rate(copied, copying.elapsed)}); skipped ${skipped} already there`,
    )
    console.log(
      `Verified: ${verified}, ${streams} streams with the same event ids, ` +
        `versions and checksums (${checksum.slice(0, 12)}…)`,
    )
    // #endregion migrate-events

    // #region rerun
    const again = await migrateEvents({ source, target: pgTarget })
    console.log(
      `Run again: copied ${again.copied}, skipped ${again.skipped}, ` +
        `verified: ${again.verified}`,
    )
    // #endregion rerun
  } finally {
    await target.dispose()
    rmSync(dir, { recursive: true, force: true })
  }
}
