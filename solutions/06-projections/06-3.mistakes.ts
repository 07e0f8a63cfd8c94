/** Known wrong answers to 06-3: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'reset-keeps-the-rows',
    what: 'reset() deletes nothing, so a rebuild inserts every row again',
    replace: [["    this.#db.exec('DELETE FROM completions')\n", '']],
    fails: ['reset() deletes every row'],
    says: ['After reset(), the completions table holds [', 'DELETE FROM'],
  },
  {
    name: 'reopen-keeps-the-row',
    what: 'a reopened task keeps its row, and still counts as completed',
    replace: [
      [
        `      this.#db
        .prepare('DELETE FROM completions WHERE task_id = ?')
        .run(aggregateId)
`,
        '',
      ],
    ],
    fails: ['reopened task'],
    says: ["[ { task_id: 't1', completed_by: 'alice' } ]", 'DELETE'],
  },
  {
    name: 'sorted-by-name',
    what: 'leaderboard() is sorted by name only, not by completions first',
    replace: [['ORDER BY completed DESC, person', 'ORDER BY person']],
    fails: ['the most first'],
    says: ["{ person: 'alice', completed: 1 }, { person: 'bob'", 'DESC'],
  },
  {
    name: 'in-memory-only',
    what: 'the rows are kept in a Map, not in the table',
    replace: [
      [
        `      this.#db
        .prepare(
          'INSERT INTO completions (task_id, completed_by) VALUES (?, ?)',
        )
        .run(aggregateId, completedBy)
`,
        '      this.#kept.set(aggregateId, completedBy)\n',
      ],
      [
        '  readonly #db: Database\n',
        '  readonly #db: Database\n' +
          '  readonly #kept = new Map<string, string>()\n',
      ],
    ],
    fails: ['is a row of the table'],
    says: ['gives []', 'The read model lives in the table'],
  },
] satisfies Mistake[]
