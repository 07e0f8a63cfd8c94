import {
  ExpectedVersion,
  migrateEvents,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'
import { notesRegistry } from '../../test/support/notes.ts'
import { writeNotesLog } from '../../test/support/notes-log.ts'
import { freshFile } from './backends.ts'
import { sideBySide } from './measure.ts'
import type { PostgresBackend } from './postgres.ts'
import { formatRatio, rate, type Report } from './report.ts'

const MIGRATION_EVENTS = 100_000
/** The naive loop's rate is flat, one append an event, so it is timed over the log's first events only. */
const NAIVE_EVENTS = 20_000
const BATCH_SIZE = 1000
const REPETITIONS = 3
const NAIVE = 'naive loop'
const MIGRATE = 'migrateEvents'

/** The Python original's first try: read the log, and append each event on its own with ExpectedVersion.ANY. */
async function naiveLoop(
  source: EventStore,
  target: EventStore,
  limit: number,
): Promise<number> {
  let count = 0
  for await (const { event } of source.readAll({ limit })) {
    await target.appendEvents({
      aggregateId: event.aggregateId,
      aggregateType: event.aggregateType,
      events: [event],
      expectedVersion: ExpectedVersion.ANY,
    })
    count++
  }
  return count
}

/**
 * Copies a SQLite file of 100,000 events (10,000 streams, written 1 to 3 events at a time, interleaved) into
 * each PostgreSQL target with `migrateEvents`, against the naive loop over its first 20,000 events (the
 * whole log would take it minutes), each run into a fresh, empty schema.
 */
export async function measureMigration(
  report: Report,
  targets: PostgresBackend[],
): Promise<void> {
  const { path, remove } = freshFile('migration-source')
  const source = new SQLiteEventStore(path, { eventRegistry: notesRegistry })
  await source.initialize()
  try {
    await writeNotesLog(source, { total: MIGRATION_EVENTS })
    const rows: string[][] = []
    for (const target of targets) {
      const copy =
        (events: number, migrate: (target: EventStore) => Promise<number>) =>
        async () => {
          const { store, dispose } = await target.openStore()
          return {
            slices: 1,
            runSlice: async () => {
              const copied = await migrate(store)
              if (copied !== events)
                throw new Error(
                  `migration to ${target.name}: copied ${copied} of ${events} events`,
                )
              return copied
            },
            dispose,
          }
        }
      const samples = await sideBySide(
        REPETITIONS,
        {
          [NAIVE]: copy(NAIVE_EVENTS, (store) =>
            naiveLoop(source, store, NAIVE_EVENTS),
          ),
          [MIGRATE]: copy(MIGRATION_EVENTS, async (store) => {
            const result = await migrateEvents({
              source,
              target: store,
              batchSize: BATCH_SIZE,
            })
            if (!result.verified)
              throw new Error(`migrateEvents to ${target.name}: not verified`)
            return result.copied
          }),
        },
        { warmUp: false },
      )
      const { [NAIVE]: naive, [MIGRATE]: migrate } = samples
      const ratio = migrate.median / naive.median
      const seconds = (eventsPerSecond: number) =>
        `${(MIGRATION_EVENTS / eventsPerSecond).toFixed(1)} s`
      rows.push([
        target.name,
        `${rate(naive.min)} / ${rate(naive.median)}`,
        seconds(naive.median),
        `${rate(migrate.min)} / ${rate(migrate.median)}`,
        seconds(migrate.median),
        formatRatio(ratio),
      ])
      report.expect({
        what: `Migration SQLite → ${target.name}: migrateEvents ÷ naive loop`,
        measured: formatRatio(ratio),
        goal: '≥ 20×',
        met: ratio >= 20,
      })
    }
    report.add({
      title: `Migration of ${MIGRATION_EVENTS.toLocaleString('en')} events from a SQLite file (WAL)`,
      settings: `batchSize ${BATCH_SIZE}; every run into a fresh, empty schema; migrateEvents verified each time; the naive loop timed over the first ${NAIVE_EVENTS.toLocaleString('en')} events, its time for all ${MIGRATION_EVENTS.toLocaleString('en')} from its rate`,
      columns: [
        'Target',
        `${NAIVE} events/s (min / median)`,
        `${NAIVE}: time for all`,
        `${MIGRATE} events/s (min / median)`,
        `${MIGRATE}: time`,
        `${MIGRATE} ÷ ${NAIVE}`,
      ],
      rows,
    })
  } finally {
    await source.close()
    remove()
  }
}
