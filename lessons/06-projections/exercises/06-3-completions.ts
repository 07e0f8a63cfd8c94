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
import { TaskCompleted, TaskReopened } from '../../03-first-aggregate/tasks.ts'
import { todo } from '../../todo.ts'

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
    this.on(TaskCompleted, ({ aggregateId, completedBy }) => {
      // TODO 1: insert the task's row: db.prepare(sql).run(...values)
      //         binds each ? of the SQL to a value, in order.
      todo('the TaskCompleted handler')
    })
    this.on(TaskReopened, ({ aggregateId }) => {
      // TODO 2: delete the task's row.
      todo('the TaskReopened handler')
    })
  }

  override reset(): void {
    // TODO 3: delete every row of the table (db.exec(sql) runs SQL that
    //         takes no value).
    todo('reset()')
  }

  leaderboard(): Standing[] {
    // TODO 4: a query: count the rows of each person (GROUP BY), as
    //         `person` and `completed`, the most first (ORDER BY), and
    //         return them all: db.prepare<[], Standing>(sql).all().
    todo('leaderboard()')
  }
}
