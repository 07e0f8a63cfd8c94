/**
 * Lesson 2, in the order of the curriculum; the Python original's sections
 * fit in: its copies under immutability, its sequence under naming.
 */
import type { LessonManifest } from '../../tools/workbook/manifest.ts'

export default {
  number: 2,
  sections: [
    { name: 'define', title: 'Defining an event type' },
    { name: 'base-fields', title: 'The base fields' },
    { name: 'immutability', title: 'Immutability' },
    { name: 'validation', title: 'Validation errors' },
    { name: 'serialization', title: 'Serialization' },
    { name: 'registry', title: 'The registry and unknown types' },
    { name: 'correlation', title: 'Correlation and causation' },
    { name: 'naming', title: 'Naming events in the past tense' },
  ],
  exercises: [
    {
      id: '02-1',
      title: 'Two event types with schemas, in a registry of their own',
      file: '02-1-refund-events.ts',
    },
    {
      id: '02-2',
      title: 'A validation error that says which field is wrong',
      file: '02-2-checkout.ts',
    },
  ],
} satisfies LessonManifest
