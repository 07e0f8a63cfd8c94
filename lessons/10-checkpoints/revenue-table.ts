/**
 * The shop's revenue kept in a SQLite table, one row that each order adds
 * to: a read model that outlives the process.
 */
import type { Database } from 'better-sqlite3'
import { Projection } from 'eventsource-ts'
import { OrderPlaced } from '../02-first-event/orders.ts'
import type { RevenueFigures } from './shop.ts'

// #region table
export class RevenueTable extends Projection {
  readonly name = 'revenue-table'
  readonly #db: Database

  constructor(db: Database) {
    super()
    this.#db = db
    db.exec(`CREATE TABLE IF NOT EXISTS revenue (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      orders      INTEGER NOT NULL,
      total_cents INTEGER NOT NULL
    )`)
    db.exec('INSERT OR IGNORE INTO revenue VALUES (1, 0, 0)')
    const add = db.prepare(`UPDATE revenue
      SET orders = orders + 1, total_cents = total_cents + ?`)
    this.on(OrderPlaced, (event) => {
      add.run(event.totalCents)
    })
  }

  figures(): RevenueFigures {
    return this.#db
      .prepare<[], RevenueFigures>(
        'SELECT orders, total_cents AS totalCents FROM revenue',
      )
      .get()!
  }

  override reset(): void {
    this.#db.exec('UPDATE revenue SET orders = 0, total_cents = 0')
  }
}
// #endregion table
