import { existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { StoreConnectionError } from '../../errors.ts'
import { importDriver } from '../import-driver.ts'
import type { SQLiteEngine, SqlRow, SqlValue } from './driver.ts'

export { watchDatabaseFile as watchDatabase } from './watch-database-file.ts'

/** The subset of better-sqlite3 the engine uses. */
interface Database {
  prepare(sql: string): {
    run(...params: unknown[]): {
      changes: number
      lastInsertRowid: number | bigint
    }
    get(...params: unknown[]): unknown
    all(...params: unknown[]): unknown[]
    raw(toggle: boolean): unknown
  }
  exec(sql: string): unknown
  transaction(fn: (work: () => unknown) => unknown): {
    immediate(work: () => unknown): unknown
  }
  close(): unknown
}
type DatabaseConstructor = new (
  path: string,
  options: { timeout: number },
) => Database

const PACKAGE = 'better-sqlite3'
const WHAT = 'the SQLite driver'

/**
 * Whether better-sqlite3 is installed with its native binding built (where both its prebuilt download and
 * a build from source put it). Checked on the file system, without loading the binding.
 */
function bindingInstalled(): boolean {
  try {
    const manifest = createRequire(import.meta.url).resolve(
      `${PACKAGE}/package.json`,
    )
    return existsSync(
      join(dirname(manifest), 'build', 'Release', 'better_sqlite3.node'),
    )
  } catch {
    return false
  }
}

/**
 * True when the SQLite driver, better-sqlite3, is installed and its native binding built. Importing the
 * library does not load the binding: a binding built for another Node.js still reads true, and the
 * store's `initialize()` then throws a `StoreConnectionError` that says to rebuild it.
 */
export const SQLITE_AVAILABLE: boolean = bindingInstalled()

let loaded: DatabaseConstructor | undefined

/** better-sqlite3, loaded once, with its native binding: an in-memory database proves the binding loads. */
async function load(): Promise<DatabaseConstructor> {
  const { default: Database }: { default: DatabaseConstructor } =
    await importDriver(PACKAGE, WHAT, () => import('better-sqlite3'))
  try {
    new Database(':memory:', { timeout: 0 }).close()
  } catch (error) {
    throw new StoreConnectionError(
      `${PACKAGE}, ${WHAT}, is installed, but its native part did not load: ${error instanceof Error ? error.message : String(error)}. Rebuild it for this Node.js (${process.version}) with "npm rebuild ${PACKAGE}".`,
      { cause: error },
    )
  }
  return Database
}

/** A file in a missing directory is refused up front: SQLite's own error does not say which directory. */
function checkPath(path: string): void {
  const directory = dirname(resolve(path))
  if (!existsSync(directory))
    throw new StoreConnectionError(
      `Cannot open SQLite database ${path}: the directory ${directory} does not exist. Create it first (mkdir -p "${directory}").`,
    )
  if (existsSync(path) && statSync(path).isDirectory())
    throw new StoreConnectionError(
      `Cannot open SQLite database ${path}: it is a directory. Give the path of a file inside it.`,
    )
}

/** The SQLite engine on better-sqlite3: native, synchronous, one connection a store. */
export const openSQLite: SQLiteEngine = async (path, { busyTimeout }) => {
  if (path !== ':memory:') checkPath(path)
  const Database = (loaded ??= await load())
  const db = new Database(path, { timeout: busyTimeout })
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
    prepareValues: (sql) => {
      const statement = db.prepare(sql)
      statement.raw(true) // rows as arrays
      return { values: (...params) => statement.all(...params) as SqlValue[][] }
    },
    exec: (sql) => void db.exec(sql),
    transaction: <T>(work: () => T) => immediate(work) as T,
    close: () => void db.close(),
  }
}
