/** Lesson 1: from a row that overwrites itself to a first event store. */
import type { LessonManifest } from '../../tools/workbook/manifest.ts'

export default {
  number: 1,
  sections: [
    { name: 'crud-row', title: 'A row that overwrites itself, and a log' },
    { name: 'replay', title: 'Replaying events: the balance now and then' },
    { name: 'trade-offs', title: 'Benefits and costs, shown' },
    { name: 'first-run', title: 'A first run: store, repository, log' },
  ],
  exercises: [
    {
      id: '01-1',
      title: "Rebuild a bank account's balance from its events",
      file: '01-1-balance.ts',
    },
    {
      id: '01-2',
      title: 'Find what a CRUD row forgot',
      file: '01-2-forgotten.ts',
    },
  ],
} satisfies LessonManifest
