/**
 * A read model in SQLite: a projection that writes rows to a table, queried
 * with SQL, and rebuilt from the log to the same rows.
 */
import { isDeepStrictEqual } from 'node:util'
import Database from 'better-sqlite3'
import { feed } from '../feed.ts'
import { storeWith } from '../history.ts'
import { TaskTable } from '../task-table.ts'

/** Rows as aligned columns under their names; NULL as "-". */
function printTable(rows: readonly Record<string, string | null>[]): void {
  const columns = Object.keys(rows[0] ?? {})
  const width = (column: string) =>
    Math.max(column.length, ...rows.map((row) => (row[column] ?? '-').length))
  const line = (cells: string[]) =>
    `  ${cells.map((cell, i) => cell.padEnd(width(columns[i]!))).join('  ')}`
  console.log(line(columns).trimEnd())
  for (const row of rows)
    console.log(line(columns.map((column) => row[column] ?? '-')).trimEnd())
}

export default async function sqlite(): Promise<void> {
  await using store = await storeWith() // the story's 11 events
  // #region open
  // The read side's own database: in memory here, a file in an application.
  const db = new Database(':memory:')
  // #endregion open
  try {
    // #region fill
    const table = new TaskTable(db)
    await feed(table, store)
    const rows = db
      .prepare<[], Record<string, string | null>>(
        'SELECT * FROM tasks ORDER BY task_id',
      )
      .all()
    console.log('The tasks table, fed the log:')
    printTable(rows)
    // #endregion fill

    // #region query
    const open = db
      .prepare<[], { assignee: string | null; open: number }>(
        `SELECT assignee, COUNT(*) AS open FROM tasks
         WHERE status = 'pending'
         GROUP BY assignee ORDER BY assignee`,
      )
      .all()
    console.log('Open tasks per assignee, in SQL:')
    for (const { assignee, open: count } of open)
      console.log(`  ${(assignee ?? 'nobody').padEnd(7)} ${count}`)

    const done = db
      .prepare<[string], { title: string }>(
        'SELECT title FROM tasks WHERE completed_by = ?',
      )
      .all('alice')
    console.log(`Completed by alice: ${done.map((r) => r.title).join(', ')}`)
    // #endregion query

    // #region rebuild
    table.reset()
    const emptied = db.prepare('SELECT COUNT(*) AS n FROM tasks').pluck().get()
    await feed(table, store)
    const again = db.prepare('SELECT * FROM tasks ORDER BY task_id').all()
    console.log(
      `reset(): ${emptied} rows; rebuilt from the log: ${again.length} ` +
        `rows, the same: ${isDeepStrictEqual(again, rows)}`,
    )
    // #endregion rebuild
  } finally {
    db.close()
  }
}
