/** Lesson 5, in the order of the Python original. */
import type { LessonManifest } from '../../tools/workbook/manifest.ts'

export default {
  number: 5,
  sections: [
    { name: 'by-hand', title: 'By hand, then with a repository' },
    { name: 'create-save-load', title: 'createNew(), save() and load()' },
    { name: 'load-modify-save', title: 'The load, modify, save cycle' },
    { name: 'exists', title: 'exists() and loadOrCreate()' },
    { name: 'conflict', title: 'Two writers, one task: the conflict' },
    { name: 'retry', title: 'After a conflict: reload and decide again' },
    { name: 'publishing', title: 'Publishing after save (lesson 7 preview)' },
  ],
  exercises: [
    {
      id: '05-1',
      title: 'A task workflow, from create to the stored events',
      file: '05-1-workflow.ts',
    },
    {
      id: '05-2',
      title: 'Retry a conflict: reload and run the command again',
      file: '05-2-retry.ts',
    },
    {
      id: '05-3',
      title: 'Make sure a task exists, however often you ask',
      file: '05-3-ensure.ts',
    },
  ],
} satisfies LessonManifest
