import { importDriver } from '../import-driver.ts'
import {
  INT8,
  type Prepared,
  type PostgreSQLDriver,
  type PostgreSQLQueryable,
} from './driver.ts'

interface QueryOptions {
  parsers: Record<number, (value: string) => unknown>
}

/** What a PGlite transaction offers the store. */
export interface PGliteQueryable {
  query<R>(
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<{ rows: R[] }>
}

/**
 * The subset of a PGlite database (`@electric-sql/pglite`) the store uses, so its types need no PGlite: a
 * `new PGlite()` is one.
 */
export interface PGliteDatabase extends PGliteQueryable {
  transaction<T>(work: (tx: PGliteQueryable) => Promise<T>): Promise<T>
  listen(
    channel: string,
    callback: (payload: string) => void,
  ): Promise<() => Promise<void>>
}

const PACKAGE = '@electric-sql/pglite'
const WHAT = 'embedded PostgreSQL'

/** A PGlite of the store's own, in memory or in a data directory: the store closes it. */
export async function openPGlite(
  dataDirectory?: string,
): Promise<PostgreSQLDriver> {
  const { PGlite } = await importDriver(
    PACKAGE,
    WHAT,
    () => import('@electric-sql/pglite'),
  )
  const db = new PGlite(dataDirectory)
  return pgliteDriver(db, () => db.close())
}

/** A PGlite the caller owns: the store uses it and never closes it. */
export function usePGlite(db: PGliteDatabase): PostgreSQLDriver {
  return pgliteDriver(db, async () => undefined)
}

const options: QueryOptions = { parsers: { [INT8]: Number } }

function pgliteDriver(
  db: PGliteDatabase,
  close: () => Promise<void>,
): PostgreSQLDriver {
  const on = (client: PGliteQueryable): PostgreSQLQueryable => ({
    query: async <R>(sql: string | Prepared, params: readonly unknown[] = []) =>
      (
        await client.query<R>(
          typeof sql === 'string' ? sql : sql.text,
          [...params],
          options,
        )
      ).rows,
  })
  return {
    ...on(db),
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    // One session in process: nothing to lose but the instance itself.
    async listen(channel, onNotify) {
      const unlisten = await db.listen(channel, () => onNotify())
      return () => unlisten().catch(() => undefined)
    },
    close,
  }
}
