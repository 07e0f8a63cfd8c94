/**
 * The shop's app on files: its events and their checkpoints in one SQLite
 * database, its revenue table in another. Every run opens new objects over
 * the same files, as a new process would.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { SQLiteCheckpointRepository, SQLiteEventStore } from 'eventsource-ts'
import { runReadSide, type RunOptions } from './read-side.ts'
import { RevenueTable } from './revenue-table.ts'
import { describeRevenue, placeOrders } from './shop.ts'

/** Writes `count` orders to the shop's event store in `dir`. */
export async function placeOrdersIn(dir: string, count: number) {
  await using store = new SQLiteEventStore(join(dir, 'shop.db'))
  await store.initialize()
  await placeOrders(store, count)
}

/**
 * Opens a read model's SQLite database in WAL mode, as the event store
 * opens its own: a commit then waits for no flush to the disk.
 */
export function openReadModel(path: string): Database.Database {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  return db
}

// #region run-app
/**
 * A start of the app in `dir`: it opens its two databases, runs its read
 * side (see runReadSide), and closes them.
 */
export async function runApp(dir: string, options?: RunOptions) {
  // The events, and the checkpoints in a table beside them.
  await using store = new SQLiteEventStore(join(dir, 'shop.db'))
  await store.initialize()
  const checkpoints = new SQLiteCheckpointRepository(store)
  // The read model, in a database of its own.
  const db = openReadModel(join(dir, 'revenue.db'))
  try {
    const revenue = new RevenueTable(db)
    console.log(
      `  the revenue table holds ${describeRevenue(revenue.figures())}`,
    )
    await runReadSide(store, checkpoints, revenue, options)
    return revenue.figures()
  } finally {
    db.close()
  }
}
// #endregion run-app
