/** Lesson 3, in the order of the Python original. */
import type { LessonManifest } from '../../tools/workbook/manifest.ts'

export default {
  number: 3,
  sections: [
    { name: 'commands', title: 'Commands raise events' },
    { name: 'rules', title: 'Rules refuse a command before any event' },
    { name: 'replay', title: 'Replay: state rebuilt from history' },
    { name: 'versions', title: 'Version checks' },
    {
      name: 'two-styles',
      title: 'Two styles: one apply() or a handler an event',
    },
  ],
  exercises: [
    {
      id: '03-1',
      title: 'A task aggregate that refuses to complete twice',
      file: '03-1-complete-once.ts',
    },
    {
      id: '03-2',
      title: 'Replaying a history gives the same state',
      file: '03-2-replay.ts',
    },
  ],
} satisfies LessonManifest
