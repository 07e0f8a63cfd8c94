import { RECORD_COLUMNS, type EventRecord } from '../event-record.ts'
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

/**
 * A row of `SELECT_RECORD` read as values (`SQLiteStatement.values`), as a record. The driver builds no
 * object a row: this literal costs a small part of what the driver's named rows do.
 */
export function recordOf(row: SqlValue[]): EventRecord {
  return {
    globalPosition: row[0] as number,
    eventId: row[1] as string,
    eventType: row[2] as string,
    eventVersion: row[3] as number,
    aggregateId: row[4] as string,
    aggregateType: row[5] as string,
    aggregateVersion: row[6] as number,
    tenantId: row[7] as string | null,
    actorId: row[8] as string | null,
    correlationId: row[9] as string,
    causationId: row[10] as string | null,
    occurredAt: row[11] as string,
    storedAt: row[12] as string,
    payload: row[13] as string,
    metadata: row[14] as string,
  }
}

const WRITTEN = RECORD_COLUMNS.slice(1) // all but the position, which SQLite assigns
export const INSERT_EVENT = `INSERT INTO events (${WRITTEN.join(', ')}) VALUES (${WRITTEN.map(() => '?').join(', ')})`
