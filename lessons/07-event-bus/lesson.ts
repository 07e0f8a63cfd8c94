/** Lesson 7, from a bus on its own to a repository wired to it. */
import type { LessonManifest } from '../../tools/workbook/manifest.ts'

export default {
  number: 7,
  sections: [
    { name: 'publish', title: 'The bus: publish and subscribe' },
    { name: 'subscribing', title: 'By class, by name, and every event' },
    { name: 'repository', title: 'A repository wired to the bus' },
    { name: 'failures', title: 'When a handler fails' },
  ],
  exercises: [
    {
      id: '07-1',
      title: 'Repository, bus and a task list',
      file: '07-1-task-list.ts',
    },
    {
      id: '07-2',
      title: 'An audit trail of every event',
      file: '07-2-audit-trail.ts',
    },
    {
      id: '07-3',
      title: 'A save whose handlers failed',
      file: '07-3-save-task.ts',
    },
  ],
} satisfies LessonManifest
