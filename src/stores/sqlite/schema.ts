import { RECORD_COLUMNS, recordField } from '../event-record.ts'

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

/** The columns, named as `EventRecord` fields, so rows come back as records with no mapping. */
export const SELECT_RECORD = `SELECT ${RECORD_COLUMNS.map((c) => `${c} AS ${recordField(c)}`).join(', ')} FROM events`

const WRITTEN = RECORD_COLUMNS.slice(1) // all but the position, which SQLite assigns
export const INSERT_EVENT = `INSERT INTO events (${WRITTEN.join(', ')}) VALUES (${WRITTEN.map(() => '?').join(', ')})`
