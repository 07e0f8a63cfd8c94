import {
  RECORD_COLUMNS,
  recordField,
  type EventRecord,
} from '../event-record.ts'
import type { SqlValue } from './driver.ts'

/**
 * The SQLite schema: one table is the log. The unique stream index makes versions unique and serves stream
 * reads; filtered reads of the whole log scan it in pages, so no other index slows every append.
 */
export const SCHEMA_VERSION = 1

export const CREATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  global_position   INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id          TEXT    NOT NULL UNIQUE,
  event_type        TEXT    NOT NULL,
  event_version     INTEGER NOT NULL,
  aggregate_id      TEXT    NOT NULL,
  aggregate_type    TEXT    NOT NULL,
  aggregate_version INTEGER NOT NULL CHECK (aggregate_version >= 1),
  tenant_id         TEXT,
  actor_id          TEXT,
  correlation_id    TEXT    NOT NULL,
  causation_id      TEXT,
  occurred_at       TEXT    NOT NULL,
  stored_at         TEXT    NOT NULL,
  payload           TEXT    NOT NULL,
  metadata          TEXT    NOT NULL,
  UNIQUE (aggregate_id, aggregate_type, aggregate_version)
);
`

/** The columns, in `RECORD_COLUMNS` order. */
export const SELECT_RECORD = `SELECT ${RECORD_COLUMNS.join(', ')} FROM events`

/** Where each field of a record is in a row of `SELECT_RECORD`, found once from `RECORD_COLUMNS`. */
const AT = Object.fromEntries(
  RECORD_COLUMNS.map((column, index) => [recordField(column), index]),
) as Record<keyof EventRecord, number>

/**
 * A row of `SELECT_RECORD` read as values (`SQLiteValuesStatement`), as a record. The driver builds no
 * object a row: this literal costs a small part of what the driver's named rows do.
 */
export function recordOf(row: SqlValue[]): EventRecord {
  return {
    globalPosition: row[AT.globalPosition] as number,
    eventId: row[AT.eventId] as string,
    eventType: row[AT.eventType] as string,
    eventVersion: row[AT.eventVersion] as number,
    aggregateId: row[AT.aggregateId] as string,
    aggregateType: row[AT.aggregateType] as string,
    aggregateVersion: row[AT.aggregateVersion] as number,
    tenantId: row[AT.tenantId] as string | null,
    actorId: row[AT.actorId] as string | null,
    correlationId: row[AT.correlationId] as string,
    causationId: row[AT.causationId] as string | null,
    occurredAt: row[AT.occurredAt] as string,
    storedAt: row[AT.storedAt] as string,
    payload: row[AT.payload] as string,
    metadata: row[AT.metadata] as string,
  }
}

/** The global position of a row of `SELECT_RECORD`, read as values. */
export function rowPosition(row: SqlValue[]): number {
  return row[AT.globalPosition] as number
}

const WRITTEN = RECORD_COLUMNS.slice(1) // all but the position, which SQLite assigns
export const INSERT_EVENT = `INSERT INTO events (${WRITTEN.join(', ')}) VALUES (${WRITTEN.map(() => '?').join(', ')})`
