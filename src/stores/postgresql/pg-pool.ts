import { importDriver } from '../import-driver.ts'
import {
  INT8,
  type Prepared,
  type PostgreSQLDriver,
  type PostgreSQLQueryable,
} from './driver.ts'

type TypeParser = (value: string) => unknown

interface QueryConfig {
  name?: string
  text: string
  values: unknown[]
  types: {
    getTypeParser(oid: number, format?: 'text' | 'binary'): TypeParser
  }
}

interface Queryable {
  query(config: QueryConfig): Promise<{ rows: unknown[] }>
}

/** One connection of a pool, checked out for a transaction, or held to LISTEN while subscriptions run. */
export interface PostgreSQLPoolClient extends Queryable {
  release(error?: Error | boolean): void
  on(
    event: 'notification',
    listener: (message: { channel: string }) => void,
  ): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'end', listener: () => void): unknown
}

/**
 * The subset of a `pg` Pool the store uses, so its types need no `@types/pg`: a `new pg.Pool(...)` is one.
 * Of `options`, the store reads only where the server is, to name it in messages, and `max`.
 */
export interface PostgreSQLPool extends Queryable {
  readonly options: {
    connectionString?: string | undefined
    user?: string | undefined
    host?: string | undefined
    port?: number | undefined
    database?: string | undefined
    max?: number | undefined
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

/** The connections held from each pool to listen, by every store on it: stores may share a pool. */
const heldToListen = new WeakMap<PostgreSQLPool, Set<() => boolean>>()

function poolDriver(
  pg: Pg,
  pool: PostgreSQLPool,
  close: () => Promise<void>,
): PostgreSQLDriver {
  const types = typeParsers(pg)
  const on = (client: Queryable): PostgreSQLQueryable => ({
    query: async <R>(sql: string | Prepared, values: readonly unknown[] = []) =>
      (
        await client.query({
          ...(typeof sql === 'string' ? { text: sql } : sql),
          values: [...values],
          types,
        })
      ).rows as R[],
  })
  // Each listening session is a connection held from the pool while it listens, then released as broken,
  // so the pool closes it instead of handing out a connection that still LISTENs. The pool's last
  // connection, counting the sessions of every store on it, is left to the queries, which would wait for it
  // forever.
  const releases = new Set<() => boolean>()
  const held = heldToListen.get(pool) ?? new Set<() => boolean>()
  heldToListen.set(pool, held)
  return {
    ...on(pool),
    async listen(channel, onNotify, onLost) {
      if (held.size + 1 >= (pool.options.max ?? Infinity))
        throw new Error("the pool's last connection is left to queries")
      let client: PostgreSQLPoolClient | undefined
      let released = false
      let listening = false
      /** Releases the connection once; false when it was released already. */
      const release = () => {
        if (released) return false
        released = true
        releases.delete(release)
        held.delete(release)
        client?.release(true)
        return true
      }
      // Lost once listening, not when stopped on purpose; before, listen() throws instead.
      const lost = (error: unknown) => {
        if (release() && listening) onLost(error)
      }
      releases.add(release)
      held.add(release)
      try {
        const connected = await pool.connect()
        if (released) {
          connected.release(true)
          throw new Error('the driver closed')
        }
        client = connected
        client.on('notification', (message) => {
          if (!released && message.channel === channel) onNotify()
        })
        client.on('error', lost)
        client.on('end', () => lost(new Error('the listening session ended')))
        await on(client).query(`LISTEN ${channel}`)
      } catch (error) {
        release()
        throw error
      }
      listening = true
      return async () => void release()
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
      for (const release of releases) release()
      await close()
    },
  }
}
