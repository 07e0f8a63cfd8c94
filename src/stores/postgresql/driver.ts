/**
 * The small asynchronous interface the PostgreSQL store is written against, so one store runs on a real
 * server (through a `pg` pool, `./pg-pool.ts`) and on PGlite (PostgreSQL compiled to WebAssembly, in
 * process, `./pglite.ts`).
 */
export type PostgreSQLRow = Record<string, unknown>

/**
 * A statement a server session parses and plans once, then only runs: for the statements every append
 * runs. PGlite runs it as plain text.
 */
export interface Prepared {
  /** Unique to its text: a session keeps each prepared statement under its name. */
  readonly name: string
  readonly text: string
}

export interface PostgreSQLQueryable {
  query<R = PostgreSQLRow>(
    sql: string | Prepared,
    params?: readonly unknown[],
  ): Promise<R[]>
}

export interface PostgreSQLDriver extends PostgreSQLQueryable {
  /** Runs `work` in a transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: PostgreSQLQueryable) => Promise<T>): Promise<T>
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

/** The type of BIGINT columns: they (global positions, counts) come back as numbers, far below 2^53. */
export const INT8 = 20
