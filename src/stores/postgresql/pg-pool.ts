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

type Pg = Awaited<ReturnType<typeof loadPg>>

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
  return poolDriver(pg, pool, () => pool.end())
}

/** A pool the caller owns: the store uses it and never ends it. */
export async function usePool(pool: PostgreSQLPool): Promise<PostgreSQLDriver> {
  return poolDriver(await loadPg(), pool, async () => undefined)
}

/** pg's parsers, but BIGINT as a number. */
function typeParsers({ types }: Pg): QueryConfig['types'] {
  return {
    getTypeParser: (oid, format) =>
      oid === INT8 ? Number : (types.getTypeParser(oid, format) as TypeParser),
  }
}

function poolDriver(
  pg: Pg,
  pool: PostgreSQLPool,
  close: () => Promise<void>,
): PostgreSQLDriver {
  const types = typeParsers(pg)
  const on = (client: Queryable): PostgreSQLQueryable => ({
    query: async <R>(text: string, values: readonly unknown[] = []) =>
      (await client.query({ text, values: [...values], types })).rows as R[],
  })
  // Listening sessions are clients of their own, not pooled ones, so they never starve the pool.
  const listening = new Set<InstanceType<Pg['Client']>>()
  const stopListening = async (client: InstanceType<Pg['Client']>) => {
    if (listening.delete(client)) await client.end().catch(() => undefined)
  }
  return {
    ...on(pool),
    async listen(channel, onNotify, onLost) {
      // The pool's own options, password included: a real pg Pool keeps them all.
      const client = new pg.Client(pool.options as object)
      const lost = (error: unknown) => {
        if (!listening.has(client)) return // stopped on purpose
        void stopListening(client)
        onLost(error)
      }
      client.on('notification', () => onNotify())
      client.on('error', lost)
      client.on('end', () => lost(new Error('the listening session ended')))
      listening.add(client)
      try {
        await client.connect()
        await client.query(`LISTEN ${channel}`)
      } catch (error) {
        await stopListening(client)
        throw error
      }
      return () => stopListening(client)
    },
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
    close: async () => {
      await Promise.all([...listening].map(stopListening))
      await close()
    },
  }
}
