import { OPEN_DRIVER } from '../store-internals.ts'
import type { SQLiteDriver, SQLiteStatement } from './driver.ts'
import { toStoreError } from './sqlite-errors.ts'
import type { SQLiteEventStore } from './sqlite-event-store.ts'

/** The tables of event processing, beside the log in the store's database. */
const CREATE_TABLES = `
CREATE TABLE IF NOT EXISTS subscription_checkpoints (
  subscription TEXT    PRIMARY KEY,
  position     INTEGER NOT NULL,
  updated_at   TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS aggregate_snapshots (
  aggregate_id   TEXT    NOT NULL,
  aggregate_type TEXT    NOT NULL,
  version        INTEGER NOT NULL,
  schema_version INTEGER NOT NULL,
  state          TEXT    NOT NULL,
  created_at     TEXT    NOT NULL,
  PRIMARY KEY (aggregate_id, aggregate_type)
);
CREATE TABLE IF NOT EXISTS subscription_dead_letters (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  subscription    TEXT    NOT NULL,
  global_position INTEGER NOT NULL,
  event_id        TEXT,
  event_type      TEXT,
  aggregate_id    TEXT,
  aggregate_type  TEXT,
  error           TEXT    NOT NULL,
  attempts        INTEGER NOT NULL,
  first_failed_at TEXT    NOT NULL,
  last_failed_at  TEXT    NOT NULL,
  resolved_at     TEXT,
  UNIQUE (subscription, global_position)
);
`

/** Each connection's prepared statements, once its tables exist. */
const connections = new WeakMap<SQLiteDriver, Map<string, SQLiteStatement>>()

/**
 * Runs `work` with a function that prepares SQL on the store's open connection, the processing tables in
 * place (made on first use), and turns driver errors into the library's typed errors.
 */
export function inProcessingTables<T>(
  store: SQLiteEventStore,
  work: (sql: (text: string) => SQLiteStatement) => T,
): T {
  try {
    const driver = store[OPEN_DRIVER]()
    let statements = connections.get(driver)
    if (!statements) {
      driver.exec(CREATE_TABLES)
      connections.set(driver, (statements = new Map()))
    }
    return work((text) => {
      let statement = statements.get(text)
      if (!statement) statements.set(text, (statement = driver.prepare(text)))
      return statement
    })
  } catch (error) {
    throw toStoreError(error, store.database, store.busyTimeout)
  }
}
