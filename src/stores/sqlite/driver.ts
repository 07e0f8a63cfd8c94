/**
 * The small synchronous interface the SQLite store is written against, so that another SQLite engine (such
 * as a WebAssembly build for the browser) can plug in beside better-sqlite3 (`./better-sqlite3.ts`).
 */
export type SqlValue = string | number | bigint | null
export type SqlRow = Record<string, unknown>

export interface SQLiteStatement {
  run(...params: SqlValue[]): {
    changes: number
    lastInsertRowid: number | bigint
  }
  get(...params: SqlValue[]): SqlRow | undefined
  all(...params: SqlValue[]): SqlRow[]
}

export interface SQLiteDriver {
  prepare(sql: string): SQLiteStatement
  exec(sql: string): void
  /** Runs `work` in a `BEGIN IMMEDIATE` transaction: takes the write lock first, waiting up to the busy timeout. */
  transaction<T>(work: () => T): T
  close(): void
}

export interface SQLiteOpenOptions {
  busyTimeout: number
}

/** An engine: opens a database file (or `':memory:'`), loading its own library on first use. */
export type SQLiteEngine = (
  path: string,
  options: SQLiteOpenOptions,
) => Promise<SQLiteDriver>
