import { importDriver } from '../import-driver.ts'
import {
  INT8,
  type PostgreSQLDriver,
  type PostgreSQLQueryable,
} from './driver.ts'

type TypeParser = (value: string) => unknown

interface QueryConfig {
  text: string
  values: unknown[]
  types: {
    getTypeParser(oid: number, format?: 'text' | 'binary'): TypeParser
  }
}

interface Queryable {
  query(config: QueryConfig): Promise<{ rows: unknown[] }>
}

/** One connection of a pool, checked out for a transaction. */
export interface PostgreSQLPoolClient extends Queryable {
  release(error?: Error | boolean): void
}

/**
 * The subset of a `pg` Pool the store uses, so its types need no `@types/pg`: a `new pg.Pool(...)` is one.
 * `options` name the server in messages (never the password).
 */
export interface PostgreSQLPool extends Queryable {
  readonly options: {
    connectionString?: string | undefined
    user?: string | undefined
    host?: string | undefined
    port?: number | undefined
    database?: string | undefined
  }
  connect(): Promise<PostgreSQLPoolClient>
}

const PACKAGE = 'pg'
const WHAT = 'the PostgreSQL client'

async function loadPg() {
  return (await importDriver(PACKAGE, WHAT, () => import('pg'))).default
}

/** A pool of the store's own, to a server's URL: the store ends it on close. */
export async function openPool(
  connectionString: string,
  {
    busyTimeout,
    connectionTimeout,
  }: { busyTimeout: number; connectionTimeout: number },
): Promise<PostgreSQLDriver> {
  const pg = await loadPg()
  const pool = new pg.Pool({
    connectionString,
    connectionTimeoutMillis: connectionTimeout,
    options: `-c lock_timeout=${busyTimeout}`,
  })
  // An idle connection that breaks must not crash the process: the next query reports it.
  pool.on('error', () => undefined)
  return poolDriver(pool, await typeParsers(), () => pool.end())
}

/** A pool the caller owns: the store uses it and never ends it. */
export async function usePool(pool: PostgreSQLPool): Promise<PostgreSQLDriver> {
  return poolDriver(pool, await typeParsers(), async () => undefined)
}

/** pg's parsers, but BIGINT as a number. */
async function typeParsers(): Promise<QueryConfig['types']> {
  const { types } = await loadPg()
  return {
    getTypeParser: (oid, format) =>
      oid === INT8 ? Number : (types.getTypeParser(oid, format) as TypeParser),
  }
}

function poolDriver(
  pool: PostgreSQLPool,
  types: QueryConfig['types'],
  close: () => Promise<void>,
): PostgreSQLDriver {
  const on = (client: Queryable): PostgreSQLQueryable => ({
    query: async <R>(text: string, values: readonly unknown[] = []) =>
      (await client.query({ text, values: [...values], types })).rows as R[],
  })
  return {
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect()
      const tx = on(client)
      let broken: Error | undefined
      try {
        await tx.query('BEGIN')
        const result = await work(tx)
        await tx.query('COMMIT')
        return result
      } catch (error) {
        // A connection that cannot even roll back is dropped, not returned to the pool.
        await tx
          .query('ROLLBACK')
          .catch((rollbackError: Error) => (broken = rollbackError))
        throw error
      } finally {
        client.release(broken)
      }
    },
    close,
  }
}
