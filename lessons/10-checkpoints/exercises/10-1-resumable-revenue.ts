/**
 * Exercise 10-1: a revenue read model that resumes after a restart without
 * counting an order twice (the Python original's exercise, kept in SQLite).
 *
 * A SubscriptionManager saves its checkpoint after each batch of events,
 * so after a crash it delivers again the events handled since its last
 * save: the lesson's RevenueTable counts them twice. ResumableRevenue keeps
 * the revenue in the same kind of table, with one column more: `position`,
 * the global position of the last event it counted. It is the read model's
 * own checkpoint, written with the totals, in the same transaction: the
 * table knows what it has counted, whatever the manager's checkpoint says.
 *
 * The constructor makes the table, one row that starts at 0 orders,
 * 0 cents, position 0; figures() reads it. Write:
 *   - the OrderPlaced handler: one order more, its totalCents added, and
 *     `position` set to the event's global position (stored.globalPosition),
 *     all in one statement (or in one transaction). An event at or before
 *     `position` has been counted already: it changes nothing;
 *   - position(): the position of the last event counted, 0 before any; a
 *     subscription can start from it (startFrom: revenue.position());
 *   - reset(): back to 0 orders, 0 cents and position 0, for a rebuild.
 *
 * Check your work with `npm run verify 10-1`. Stuck? `npm run hint 10-1`.
 */
import type { Database } from 'better-sqlite3'
import { Projection } from 'eventsource-ts'
import { OrderPlaced } from '../../02-first-event/orders.ts'
import type { RevenueFigures } from '../shop.ts'
import { todo } from '../../todo.ts'

export class ResumableRevenue extends Projection {
  readonly name = 'resumable-revenue'
  readonly #db: Database

  constructor(db: Database) {
    super()
    this.#db = db
    db.exec(`CREATE TABLE IF NOT EXISTS revenue (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      orders      INTEGER NOT NULL,
      total_cents INTEGER NOT NULL,
      position    INTEGER NOT NULL
    )`)
    db.exec('INSERT OR IGNORE INTO revenue VALUES (1, 0, 0, 0)')
    this.on(OrderPlaced, (event, stored) => {
      // TODO 1: count the order, and set `position` to
      //         stored.globalPosition, in one UPDATE: one statement is one
      //         transaction. Its WHERE skips an event at or before the
      //         position: one counted before a crash.
      todo('the OrderPlaced handler')
    })
  }

  /** The orders counted, and their total. */
  figures(): RevenueFigures {
    return this.#db
      .prepare<[], RevenueFigures>(
        'SELECT orders, total_cents AS totalCents FROM revenue',
      )
      .get()!
  }

  /** The global position of the last event counted; 0 before any. */
  position(): number {
    // TODO 2: read the position column of the table's one row.
    todo('position()')
  }

  override reset(): void {
    // TODO 3: set the row back to 0 orders, 0 cents and position 0.
    todo('reset()')
  }
}
