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

export const COLUMNS = [
  'global_position',
  'event_id',
  'event_type',
  'event_version',
  'aggregate_id',
  'aggregate_type',
  'aggregate_version',
  'tenant_id',
  'actor_id',
  'correlation_id',
  'causation_id',
  'occurred_at',
  'stored_at',
  'payload',
  'metadata',
] as const

/** The columns, named as `EventRecord` fields, so rows come back as records with no mapping. */
export const SELECT_RECORD = `SELECT ${COLUMNS.map((c) => `${c} AS ${c.replace(/_(\w)/g, (_, l: string) => l.toUpperCase())}`).join(', ')} FROM events`

export const INSERT_EVENT = `INSERT INTO events (${COLUMNS.slice(1).join(', ')}) VALUES (${COLUMNS.slice(1).map(() => '?').join(', ')})`
