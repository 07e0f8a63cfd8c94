import {
  ExpectedVersion,
  migrateEvents,
  SQLiteEventStore,
  type DomainEvent,
  type EventStore,
} from 'eventsource-ts'
import { nextTurn } from '../../src/migration/migrate-events.ts'
import { encodeEvent } from '../../src/stores/event-record.ts'
import type { PgConnection } from '../floors/postgresql.ts'
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
const FLOOR = 'plain INSERT copy'

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

const BULK_INSERT = `INSERT INTO events (event_id, event_type, event_version, aggregate_id, aggregate_type,
    aggregate_version, tenant_id, actor_id, correlation_id, causation_id, occurred_at, payload, metadata)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::integer[], $7::text[],
    $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::jsonb[], $13::jsonb[])`

/** An event as BULK_INSERT's columns take it, encoded as the store encodes it. */
function columnsOf(event: DomainEvent): unknown[] {
  const e = encodeEvent(event)
  return [
    e.eventId,
    e.eventType,
    e.eventVersion,
    e.aggregateId,
    e.aggregateType,
    event.aggregateVersion,
    e.tenantId,
    e.actorId,
    e.correlationId,
    e.causationId,
    e.occurredAt,
    e.payload,
    e.metadata,
  ]
}

/**
 * The floor of a copy: the same read of the source, each batch written by one plain multi-row INSERT, in
 * autocommit, into the store's own table while the next is read (as migrateEvents does): no lock, no
 * version check, no resume and no verification.
 */
async function plainInsertCopy(
  source: EventStore,
  connection: PgConnection,
): Promise<number> {
  let count = 0
  let writing = Promise.resolve()
  const write = async (rows: unknown[][]) => {
    const columns = rows[0]!.map((_, i) => rows.map((row) => row[i]))
    await connection.query(BULK_INSERT, columns)
    count += rows.length
  }
  let batch: unknown[][] = []
  for await (const { event } of source.readAll()) {
    batch.push(columnsOf(event))
    if (batch.length === BATCH_SIZE) {
      await writing
      writing = write(batch)
      batch = []
      await nextTurn()
    }
  }
  await writing
  if (batch.length > 0) await write(batch)
  return count
}

/**
 * Copies a SQLite file of 100,000 events (10,000 streams, written 1 to 3 events at a time, interleaved) into
 * each PostgreSQL target with `migrateEvents`, against the naive loop over its first 20,000 events (the
 * whole log would take it minutes) and the floor of a copy (plainInsertCopy), each run into a fresh, empty
 * schema.
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
        (
          events: number,
          migrate: (
            target: EventStore,
            connection: () => Promise<PgConnection>,
          ) => Promise<number>,
        ) =>
        async () => {
          const { store, connection, dispose } = await target.openStore()
          return {
            slices: 1,
            runSlice: async () => {
              const copied = await migrate(store, connection)
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
          [FLOOR]: copy(MIGRATION_EVENTS, async (_, connection) => {
            const plain = await connection()
            try {
              return await plainInsertCopy(source, plain)
            } finally {
              await plain.close()
            }
          }),
        },
        { warmUp: false },
      )
      const { [NAIVE]: naive, [MIGRATE]: migrate, [FLOOR]: floor } = samples
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
        seconds(floor.median),
        formatRatio(floor.median / naive.median),
        formatRatio(migrate.median / floor.median),
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
      settings: `batchSize ${BATCH_SIZE}; every run into a fresh, empty schema; migrateEvents verified each time; the naive loop timed over the first ${NAIVE_EVENTS.toLocaleString('en')} events, its time for all ${MIGRATION_EVENTS.toLocaleString('en')} from its rate; the ${FLOOR} reads the source as migrateEvents does, then writes each batch of ${BATCH_SIZE.toLocaleString('en')} with one multi-row INSERT, in autocommit (no lock, version check, resume or verification): the least a copy costs`,
      columns: [
        'Target',
        `${NAIVE} events/s (min / median)`,
        `${NAIVE}: time for all`,
        `${MIGRATE} events/s (min / median)`,
        `${MIGRATE}: time`,
        `${MIGRATE} ÷ ${NAIVE}`,
        `${FLOOR}: time`,
        `${FLOOR} ÷ ${NAIVE}`,
        `${MIGRATE} ÷ ${FLOOR}`,
      ],
      rows,
    })
  } finally {
    await source.close()
    remove()
  }
}
