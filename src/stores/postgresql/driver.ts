import type { PGliteInterface } from '@electric-sql/pglite'
import pg, { type CustomTypesConfig, type Pool, type PoolClient } from 'pg'

/**
 * The small asynchronous interface the PostgreSQL store is written against, so one store runs on a real
 * server (through a `pg` pool) and on PGlite (PostgreSQL compiled to WebAssembly, in process).
 */
export type PgRow = Record<string, unknown>

export interface PgQueryable {
  query<R = PgRow>(sql: string, params?: readonly unknown[]): Promise<R[]>
}

export interface PgDriver extends PgQueryable {
  /** Runs `work` in a transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: PgQueryable) => Promise<T>): Promise<T>
  /**
   * LISTENs on `channel` (a plain identifier) on a session of its own, calling `onNotify` for each
   * notification until the returned function is called or the driver closes; `onLost` when the session breaks.
   */
  listen(
    channel: string,
    onNotify: () => void,
    onLost: (error: unknown) => void,
  ): Promise<() => Promise<void>>
  /** Closes what the driver opened; a pool or PGlite the caller passed in stays open. */
  close(): Promise<void>
}

/** BIGINT columns (global positions, counts) come back as numbers: positions stay far below 2^53. */
const INT8 = 20

export function poolDriver(pool: Pool, owned: boolean): PgDriver {
  const types: CustomTypesConfig = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8
        ? Number
        : pg.types.getTypeParser(
            oid,
            format,
          )) as CustomTypesConfig['getTypeParser'],
  }
  const on = (client: Pool | PoolClient): PgQueryable => ({
    query: async <R>(text: string, values: readonly unknown[] = []) =>
      (await client.query({ text, values: [...values], types })).rows as R[],
  })
  // Listening sessions are clients of their own, not pooled ones, so they never starve the pool.
  const listening = new Set<pg.Client>()
  const stopListening = async (client: pg.Client) => {
    if (listening.delete(client)) await client.end().catch(() => undefined)
  }
  return {
    ...on(pool),
    async listen(channel, onNotify, onLost) {
      const client = new pg.Client(pool.options)
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
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const result = await work(on(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        // A connection that cannot even roll back is dropped, not returned to the pool.
        await client
          .query('ROLLBACK')
          .catch((rollbackError: Error) => (broken = rollbackError))
        throw error
      } finally {
        client.release(broken)
      }
    },
    close: async () => {
      await Promise.all([...listening].map(stopListening))
      if (owned) await pool.end()
    },
  }
}

export function pgliteDriver(db: PGliteInterface, owned: boolean): PgDriver {
  const options = { parsers: { [INT8]: Number } }
  const on = (client: Pick<PGliteInterface, 'query'>): PgQueryable => ({
    query: async <R>(sql: string, params: readonly unknown[] = []) =>
      (await client.query<R>(sql, [...params], options)).rows,
  })
  return {
    ...on(db),
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    // One session in process: nothing to lose but the instance itself.
    async listen(channel, onNotify) {
      const unlisten = await db.listen(channel, () => onNotify())
      return () => unlisten().catch(() => undefined)
    },
    close: async () => {
      if (owned) await db.close()
    },
  }
}
