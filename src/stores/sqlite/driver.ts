import { createRequire } from 'node:module'
import type BetterSqlite3 from 'better-sqlite3'

/**
 * The small synchronous interface the SQLite store is written against, so another SQLite engine (such as a
 * WebAssembly build in the browser) can plug in later. better-sqlite3 is the engine today.
 */
export type SqlValue = string | number | bigint | null
export type SqlRow = Record<string, unknown>

export interface SqliteStatement {
  run(...params: SqlValue[]): {
    changes: number
    lastInsertRowid: number | bigint
  }
  get(...params: SqlValue[]): SqlRow | undefined
  all(...params: SqlValue[]): SqlRow[]
}

export interface SqliteDriver {
  prepare(sql: string): SqliteStatement
  exec(sql: string): void
  /** Runs `work` in a `BEGIN IMMEDIATE` transaction: takes the write lock first, waiting up to the busy timeout. */
  transaction<T>(work: () => T): T
  close(): void
}

export interface SqliteOpenOptions {
  busyTimeout: number
}

type DatabaseConstructor = typeof BetterSqlite3

/** better-sqlite3, or the error that stopped it loading (a native module that failed to build, say). */
const loaded: { Database?: DatabaseConstructor; error?: unknown } = (() => {
  try {
    const Database = createRequire(import.meta.url)(
      'better-sqlite3',
    ) as DatabaseConstructor
    new Database(':memory:').close() // loads the native binding now, not at first use
    return { Database }
  } catch (error) {
    return { error }
  }
})()

/** True when the SQLite driver loads. */
export const SQLITE_AVAILABLE: boolean = loaded.Database !== undefined

export function openBetterSqlite(
  path: string,
  { busyTimeout }: SqliteOpenOptions,
): SqliteDriver {
  if (!loaded.Database) {
    throw new Error(
      `The SQLite driver better-sqlite3 did not load: ${String(loaded.error)}. Reinstall it with "npm rebuild better-sqlite3".`,
      { cause: loaded.error },
    )
  }
  const db = new loaded.Database(path, { timeout: busyTimeout })
  const immediate = db.transaction((work: () => unknown) => work()).immediate
  return {
    prepare: (sql) => {
      const statement = db.prepare(sql)
      return {
        run: (...params) => statement.run(...params),
        get: (...params) => statement.get(...params) as SqlRow | undefined,
        all: (...params) => statement.all(...params) as SqlRow[],
      }
    },
    exec: (sql) => void db.exec(sql),
    transaction: <T>(work: () => T) => immediate(work) as T,
    close: () => db.close(),
  }
}
