/**
 * Exercise 06-3: a read model in a SQLite table.
 *
 * The team's leaderboard says who has completed how many tasks. Its read
 * model is a table of a SQLite database, completions, with a row for each
 * task that is completed now: the task's id, and who completed it. The
 * constructor creates the table. Write the rest, in SQL:
 *   - the TaskCompleted handler: adds the task's row;
 *   - the TaskReopened handler: deletes it, since the task is pending again;
 *   - reset(): deletes every row, so the table can be rebuilt from the log;
 *   - leaderboard(): each person who has completed tasks, and how many,
 *     the most first; people with as many, by name.
 *
 * Check your work with `npm run verify 06-3`. Stuck? `npm run hint 06-3`.
 */
import type { Database } from 'better-sqlite3'
import { Projection } from 'eventsource-ts'
import {
  TaskCompleted,
  TaskReopened,
} from '../../lessons/03-first-aggregate/tasks.ts'

/** One line of the leaderboard. */
export interface Standing {
  person: string
  completed: number
}

export class CompletionsTable extends Projection {
  readonly name = 'completions-table'
  readonly #db: Database

  constructor(db: Database) {
    super()
    this.#db = db
    db.exec(`CREATE TABLE IF NOT EXISTS completions (
      task_id      TEXT PRIMARY KEY,
      completed_by TEXT NOT NULL
    )`)
    // #region handlers
    this.on(TaskCompleted, ({ aggregateId, completedBy }) => {
      // #todo the TaskCompleted handler
      // TODO 1: insert the task's row: db.prepare(sql).run(...values)
      //         binds each ? of the SQL to a value, in order.
      // #answer
      this.#db
        .prepare(
          'INSERT INTO completions (task_id, completed_by) VALUES (?, ?)',
        )
        .run(aggregateId, completedBy)
      // #endtodo
    })
    this.on(TaskReopened, ({ aggregateId }) => {
      // #todo the TaskReopened handler
      // TODO 2: delete the task's row.
      // #answer
      this.#db
        .prepare('DELETE FROM completions WHERE task_id = ?')
        .run(aggregateId)
      // #endtodo
    })
    // #endregion handlers
  }

  // #region reset
  override reset(): void {
    // #todo reset()
    // TODO 3: delete every row of the table (db.exec(sql) runs SQL that
    //         takes no value).
    // #answer
    this.#db.exec('DELETE FROM completions')
    // #endtodo
  }
  // #endregion reset

  // #region leaderboard
  leaderboard(): Standing[] {
    // #todo leaderboard()
    // TODO 4: a query: count the rows of each person (GROUP BY), as
    //         `person` and `completed`, the most first (ORDER BY), and
    //         return them all: db.prepare<[], Standing>(sql).all().
    // #answer
    return this.#db
      .prepare<[], Standing>(
        `SELECT completed_by AS person, COUNT(*) AS completed
         FROM completions
         GROUP BY completed_by
         ORDER BY completed DESC, person`,
      )
      .all()
    // #endtodo
  }
  // #endregion leaderboard
}
