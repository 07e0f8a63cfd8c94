import { OPEN_DRIVER } from '../store-internals.ts'
import type { PostgreSQLDriver } from './driver.ts'
import { toStoreError } from './postgresql-errors.ts'
import type { PostgreSQLEventStore } from './postgresql-event-store.ts'

/** Serializes the tables' creation between sessions that start at once. */
const TABLES_LOCK = 7_306_983_290_861_107

/** The tables of event processing, beside the log in the store's database. */
const CREATE_TABLES = [
  `SELECT pg_advisory_xact_lock(${TABLES_LOCK})`,
  `CREATE TABLE IF NOT EXISTS subscription_checkpoints (
     subscription TEXT        PRIMARY KEY,
     position     BIGINT      NOT NULL,
     updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS aggregate_snapshots (
     aggregate_id   TEXT        NOT NULL,
     aggregate_type TEXT        NOT NULL,
     version        INTEGER     NOT NULL,
     schema_version INTEGER     NOT NULL,
     state          JSONB       NOT NULL,
     created_at     TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (aggregate_id, aggregate_type)
   )`,
  `CREATE TABLE IF NOT EXISTS subscription_dead_letters (
     id              BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     subscription    TEXT        NOT NULL,
     global_position BIGINT      NOT NULL,
     event_id        TEXT,
     event_type      TEXT,
     aggregate_id    TEXT,
     aggregate_type  TEXT,
     error           TEXT        NOT NULL,
     attempts        INTEGER     NOT NULL,
     first_failed_at TIMESTAMPTZ NOT NULL,
     last_failed_at  TIMESTAMPTZ NOT NULL,
     resolved_at     TIMESTAMPTZ,
     UNIQUE (subscription, global_position)
   )`,
]

/** Each driver's table creation, done once. */
const created = new WeakMap<PostgreSQLDriver, Promise<void>>()

/**
 * Runs a query on the store's open driver, the processing tables in place (made on first use), and turns
 * driver errors into the library's typed errors.
 */
export async function queryProcessingTables<R>(
  store: PostgreSQLEventStore,
  sql: string,
  params: readonly unknown[],
): Promise<R[]> {
  try {
    const driver = store[OPEN_DRIVER]()
    let creating = created.get(driver)
    if (!creating) {
      creating = driver.transaction(async (tx) => {
        for (const statement of CREATE_TABLES) await tx.query(statement)
      })
      created.set(driver, creating)
      creating.catch(() => created.delete(driver)) // the next call tries again
    }
    await creating
    return await driver.query<R>(sql, params)
  } catch (error) {
    throw toStoreError(error, store.database)
  }
}
