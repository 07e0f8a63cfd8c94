/** Lesson 9, from what each error means to events set aside and replayed. */
import type { LessonManifest } from '../../tools/workbook/manifest.ts'

export default {
  number: 9,
  sections: [
    { name: 'hierarchy', title: 'The error hierarchy' },
    {
      name: 'two-writers',
      title: 'Two writers at once, and a retry that reloads',
    },
    { name: 'never-retry', title: 'Errors a retry cannot fix' },
    {
      name: 'dead-letters',
      title: 'A poison event: dead letters, replayed once fixed',
    },
    { name: 'stop', title: 'The default: stop at the poison event' },
  ],
  exercises: [
    {
      id: '09-1',
      title: 'Save with retry: reload, back off, give up',
      file: '09-1-save-with-retry.ts',
    },
    {
      id: '09-2',
      title: 'Tell the caller what happened',
      file: '09-2-reply.ts',
    },
    {
      id: '09-3',
      title: 'Set a poison event aside, and replay it once fixed',
      file: '09-3-dead-letters.ts',
    },
  ],
} satisfies LessonManifest
