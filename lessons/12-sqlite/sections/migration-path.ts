/**
 * From SQLite to PostgreSQL: the seed's loop first, then migrateEvents. The target is PostgreSQL embedded in
 * this process by PGlite, or the server at DATABASE_URL when it is set.
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
/** Each note is written in two sessions of five events; the sessions of different notes interleave. */
const SESSIONS = 2
const EVENTS_PER_SESSION = 5
/** Where the lesson stops the seed's loop, as if its process had died. */
const CRASH_AFTER = 300

/** Fills the source with notes created and updated in sessions, interleaved in the log as real use would. */
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

/** PGlite in memory; with DATABASE_URL, a schema of its own on that server, dropped afterwards. */
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
const rate = (events: number, ms: number) =>
  `${seconds(ms)}, ${Math.round(events / (ms / 1000)).toLocaleString('en')} events/s`

/** Times the copying itself: from migrateEvents' first progress report, before the first batch, to its last. */
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
    console.log(
      `Source: ${source.database} with ${total.toLocaleString('en')} events of ${NOTES} notes`,
    )
    console.log(
      `Target: ${target.store.database}${process.env.DATABASE_URL ? ' (DATABASE_URL, in a schema of its own)' : ' (set DATABASE_URL to use a server)'}`,
    )
    const pgTarget = target.store

    // #region naive-loop
    // The seed's loop: one append, so one transaction, per event; ExpectedVersion.ANY; no resume, no check.
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
      if (count === CRASH_AFTER) break // the lesson stops it here, as if the process had died
    }
    console.log(
      `Naive loop: ${count} events, one transaction each (${rate(count, performance.now() - started)}), then it died`,
    )
    // #endregion naive-loop

    // #region migrate-events
    // migrateEvents: one transaction a batch; expected versions instead of ANY; events the dead run copied are
    // skipped; and every stream is verified against the source at the end.
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
    console.log(
      `migrateEvents: copied ${report.copied} in batches of 500 (${rate(report.copied, copying.elapsed)}); skipped ${report.skipped} already there`,
    )
    console.log(
      `Verified: ${report.verified}, ${report.streams} streams with the same event ids, versions and checksums (${report.checksum.slice(0, 12)}…)`,
    )
    // #endregion migrate-events

    // #region rerun
    const again = await migrateEvents({ source, target: pgTarget })
    console.log(
      `Run again: copied ${again.copied}, skipped ${again.skipped}, verified: ${again.verified}`,
    )
    // #endregion rerun
  } finally {
    await target.dispose()
    rmSync(dir, { recursive: true, force: true })
  }
}
