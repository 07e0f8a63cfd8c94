/**
 * The board's read model kept in SQLite: a table with a row for each task,
 * that the projection's handlers keep up to date with SQL, and any query in
 * SQL can read.
 */
import type { Database } from 'better-sqlite3'
import { Projection } from 'eventsource-ts'
import {
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
  TaskReassigned,
  TaskReopened,
} from '../03-first-aggregate/tasks.ts'

// #region table
export class TaskTable extends Projection {
  readonly name = 'task-table'
  readonly #db: Database

  constructor(db: Database) {
    super()
    this.#db = db
    db.exec(`CREATE TABLE IF NOT EXISTS tasks (
      task_id      TEXT PRIMARY KEY,
      title        TEXT NOT NULL,
      status       TEXT NOT NULL,
      assignee     TEXT,
      completed_by TEXT
    )`)
    // #endregion table

    // #region handlers
    // One statement an event, prepared once; @name binds a parameter.
    const insert = db.prepare(`INSERT INTO tasks (task_id, title, status)
      VALUES (@taskId, @title, 'pending')`)
    const assign = db.prepare(
      'UPDATE tasks SET assignee = @assignee WHERE task_id = @taskId',
    )
    const finish = db.prepare(`UPDATE tasks
      SET status = @status, completed_by = @completedBy
      WHERE task_id = @taskId`)

    this.on(TaskCreated, ({ aggregateId: taskId, title }) => {
      insert.run({ taskId, title })
    })
    this.on(TaskAssigned, ({ aggregateId: taskId, assignee }) => {
      assign.run({ taskId, assignee })
    })
    this.on(TaskReassigned, ({ aggregateId: taskId, newAssignee }) => {
      assign.run({ taskId, assignee: newAssignee })
    })
    this.on(TaskCompleted, ({ aggregateId: taskId, completedBy }) => {
      finish.run({ taskId, status: 'completed', completedBy })
    })
    this.on(TaskReopened, ({ aggregateId: taskId }) => {
      finish.run({ taskId, status: 'pending', completedBy: null })
    })
  }
  // #endregion handlers

  // #region reset
  override reset(): void {
    this.#db.exec('DELETE FROM tasks')
  }
  // #endregion reset
}
