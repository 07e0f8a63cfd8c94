/** Lesson 10, from a checkpoint kept by hand to a rebuild. */
import type { LessonManifest } from '../../tools/workbook/manifest.ts'

export default {
  number: 10,
  sections: [
    { name: 'by-hand', title: 'A checkpoint by hand' },
    {
      name: 'stop-and-resume',
      title: 'Stopped halfway, resumed from the checkpoint',
    },
    {
      name: 'lost-read-model',
      title: 'A checkpoint without its read model',
    },
    {
      name: 'sqlite-file',
      title: 'Checkpoints in a SQLite file, across a restart',
      notInBrowser: 'it writes two database files',
    },
    {
      name: 'crash',
      title: 'After a crash: delivered again',
      notInBrowser: 'it writes two database files',
    },
    { name: 'rebuild', title: 'Reset and rebuild' },
  ],
  exercises: [
    {
      id: '10-1',
      title: 'A revenue read model that resumes without counting twice',
      file: '10-1-resumable-revenue.ts',
      notInBrowser: 'its checks open SQLite files with better-sqlite3',
    },
    {
      id: '10-2',
      title: 'A checkpoint saved as the events are handled',
      file: '10-2-catch-up.ts',
    },
    {
      id: '10-3',
      title: 'A health check from the lag',
      file: '10-3-health.ts',
    },
  ],
} satisfies LessonManifest
