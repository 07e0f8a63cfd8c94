/** Lesson 6, from one read model fed by hand to one kept in SQLite. */
import type { LessonManifest } from '../../tools/workbook/manifest.ts'

export default {
  number: 6,
  sections: [
    { name: 'read-model', title: 'A read model from the log (CQRS)' },
    { name: 'projection', title: 'A Projection with typed handlers' },
    { name: 'rebuild', title: 'Built live, rebuilt from the log' },
    {
      name: 'sqlite',
      title: 'A read model in SQLite',
      notInBrowser: 'it opens a database of its own with better-sqlite3',
    },
    { name: 'pitfalls', title: 'What a projection must not do' },
  ],
  exercises: [
    {
      id: '06-1',
      title: 'Task statistics',
      file: '06-1-statistics.ts',
    },
    {
      id: '06-2',
      title: 'A rebuild gives the same read model',
      file: '06-2-workload.ts',
    },
    {
      id: '06-3',
      title: 'A read model in a SQLite table',
      file: '06-3-completions.ts',
      notInBrowser: 'it keeps its read model in a better-sqlite3 database',
    },
  ],
} satisfies LessonManifest
