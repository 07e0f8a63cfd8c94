/** Lesson 4, in the order of the Python original. */
import type { LessonManifest } from '../../tools/workbook/manifest.ts'

export default {
  number: 4,
  sections: [
    { name: 'append', title: 'Appending events to a stream' },
    { name: 'expected-versions', title: 'Expected versions: what each checks' },
    { name: 'conflict', title: 'Two writers, one stream: a conflict' },
    { name: 'read-stream', title: 'Reading a stream back' },
    { name: 'read-all', title: 'Reading the whole log' },
    { name: 'idempotency', title: 'A retried append, known by its event ids' },
    {
      name: 'lifecycle',
      title: "A store's lifecycle, the same on every store",
    },
  ],
  exercises: [
    {
      id: '04-1',
      title: 'A stale expected version, caught and retried',
      file: '04-1-conflict-retry.ts',
    },
    {
      id: '04-2',
      title: 'A resumable reader that pages through the log',
      file: '04-2-log-pages.ts',
    },
    {
      id: '04-3',
      title: 'A retry after a lost reply writes nothing twice',
      file: '04-3-lost-reply.ts',
    },
  ],
} satisfies LessonManifest
