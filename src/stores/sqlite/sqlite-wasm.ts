import { StoreConnectionError } from '../../errors.ts'
import { importDriver } from '../import-driver.ts'
import type {
  DatabaseWatcher,
  SQLiteEngine,
  SQLiteStatement,
  SQLiteValuesStatement,
  SqlRow,
  SqlValue,
} from './driver.ts'

/** The subset of @sqlite.org/sqlite-wasm's `oo1` API the engine uses. */
interface Statement {
  bind(values: readonly SqlValue[]): Statement
  step(): boolean
  /** The current row, as an object of its columns or an array of its values. */
  get(target: Record<string, never>): SqlRow
  get(target: []): SqlValue[]
  reset(clearBindings?: boolean): Statement
  finalize(): unknown
}
interface Database {
  prepare(sql: string): Statement
  exec(sql: string): unknown
  changes(): number
  /** The C handle, for the C API. */
  pointer: unknown
  transaction<T>(mode: 'IMMEDIATE', work: () => T): T
  close(): void
}
interface SQLite3 {
  oo1: { DB: new (filename: string) => Database }
  capi: {
    sqlite3_js_rc_str(code: number): string | undefined
    sqlite3_last_insert_rowid(db: unknown): number | bigint
  }
}

const PACKAGE = '@sqlite.org/sqlite-wasm'
const WHAT = 'SQLite compiled to WebAssembly'

/** sqlite-wasm is bundled with the app that runs in a browser, so the driver is there whenever this engine is. */
export const SQLITE_AVAILABLE = true

/** A page's databases are in memory, and only this page writes them: there is nothing to watch. */
export const watchDatabase: DatabaseWatcher = () => () => undefined

let loading: Promise<SQLite3> | undefined

/** The module loads, and compiles its WebAssembly, once for every store of the page. */
function load(): Promise<SQLite3> {
  loading ??= importDriver(
    PACKAGE,
    WHAT,
    () => import('@sqlite.org/sqlite-wasm'),
  ).then(async ({ default: init }) => (await init()) as unknown as SQLite3)
  return loading
}

/**
 * Gives a sqlite-wasm error the `code` better-sqlite3 gives its errors (`SQLITE_BUSY`, `SQLITE_CORRUPT`, …),
 * so the store turns both into the same typed errors.
 */
function withCode(sqlite3: SQLite3, error: unknown): unknown {
  const resultCode = (error as { resultCode?: unknown })?.resultCode
  if (typeof resultCode === 'number' && error instanceof Error)
    Object.assign(error, { code: sqlite3.capi.sqlite3_js_rc_str(resultCode) })
  return error
}

/**
 * The SQLite engine of the browser: SQLite compiled to WebAssembly, in memory only (a page has no files;
 * the origin-private file system would need cross-origin isolation, which a plain static host lacks).
 */
export const openSQLite: SQLiteEngine = async (path) => {
  if (path !== ':memory:')
    throw new StoreConnectionError(
      `Cannot open SQLite database ${path}: in a browser, the SQLite store keeps its database in memory. Use new SQLiteEventStore(':memory:').`,
    )
  const sqlite3 = await load()
  const db = new sqlite3.oo1.DB(':memory:')
  const guard = <T>(work: () => T): T => {
    try {
      return work()
    } catch (error) {
      throw withCode(sqlite3, error)
    }
  }
  const statements: Statement[] = []
  const read = <R>(
    statement: Statement,
    params: SqlValue[],
    row: (statement: Statement) => R,
  ): R[] => {
    try {
      if (params.length > 0) statement.bind(params)
      const all: R[] = []
      while (statement.step()) all.push(row(statement))
      return all
    } finally {
      statement.reset(true)
    }
  }
  const rows = (statement: Statement, params: SqlValue[]) =>
    read(statement, params, (s) => s.get({}))
  const prepare = (sql: string) => {
    const statement = guard(() => db.prepare(sql))
    statements.push(statement)
    return statement
  }
  return {
    prepare: (sql): SQLiteStatement => {
      const statement = prepare(sql)
      return {
        run: (...params) =>
          guard(() => {
            rows(statement, params)
            return {
              changes: db.changes(),
              lastInsertRowid: sqlite3.capi.sqlite3_last_insert_rowid(
                db.pointer,
              ),
            }
          }),
        get: (...params) => guard(() => rows(statement, params)[0]),
        all: (...params) => guard(() => rows(statement, params)),
      }
    },
    prepareValues: (sql): SQLiteValuesStatement => {
      const statement = prepare(sql)
      return {
        values: (...params) =>
          guard(() => read(statement, params, (s) => s.get([]))),
      }
    },
    exec: (sql) => void guard(() => db.exec(sql)),
    transaction: (work) => guard(() => db.transaction('IMMEDIATE', work)),
    close: () => {
      for (const statement of statements.splice(0)) statement.finalize()
      db.close()
    },
  }
}
