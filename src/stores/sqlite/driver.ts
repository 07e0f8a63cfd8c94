/**
 * The small synchronous interface the SQLite store is written against, so that more than one SQLite engine
 * plugs in: better-sqlite3 on Node.js (`./better-sqlite3.ts`), SQLite compiled to WebAssembly in a browser
 * (`./sqlite-wasm.ts`). The package's `#sqlite-engine` import picks one by the environment: `browser`
 * for bundles made for a browser, better-sqlite3 everywhere else. Each engine module exports the same
 * names: `openSQLite`, `watchDatabase` and `SQLITE_AVAILABLE`.
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

/** A query read as values only, so an engine sets it up for that once, not at every call. */
export interface SQLiteValuesStatement {
  /** The rows as arrays of their values, in the order the statement selects them: far lighter than objects. */
  values(...params: SqlValue[]): SqlValue[][]
}

export interface SQLiteDriver {
  prepare(sql: string): SQLiteStatement
  prepareValues(sql: string): SQLiteValuesStatement
  exec(sql: string): void
  /** Runs `work` in a `BEGIN IMMEDIATE` transaction: takes the write lock first, waiting up to the busy timeout. */
  transaction<T>(work: () => T): T
  close(): void
}

export interface SQLiteOpenOptions {
  busyTimeout: number
}

/**
 * An engine: opens a database file (or `':memory:'`), loading its own library on first use. It refuses a
 * path it cannot open with a `StoreConnectionError` that says why.
 */
export type SQLiteEngine = (
  path: string,
  options: SQLiteOpenOptions,
) => Promise<SQLiteDriver>

/**
 * Calls `listener` when another connection may have committed to the database file at `path`; returns a
 * function that stops watching. An engine that cannot watch returns a no-op: subscriptions then poll.
 */
export type DatabaseWatcher = (path: string, listener: () => void) => () => void

/** What the SQLite store needs of an engine: how to open a database, and how to watch its file. */
export interface SQLiteEngineModule {
  readonly open: SQLiteEngine
  readonly watch: DatabaseWatcher
}
