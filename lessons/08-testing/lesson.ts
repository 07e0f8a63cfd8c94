/** Lesson 8, from one aggregate test to tests that must be able to fail. */
import type { LessonManifest } from '../../tools/workbook/manifest.ts'

const RUNS_VITEST = 'it runs vitest'

export default {
  number: 8,
  sections: [
    {
      name: 'aggregate',
      title: 'Given-when-then tests for an aggregate',
      notInBrowser: RUNS_VITEST,
    },
    { name: 'replay', title: 'Replay tests', notInBrowser: RUNS_VITEST },
    {
      name: 'stores',
      title: 'Fixtures on the in-memory and SQLite stores',
      notInBrowser: RUNS_VITEST,
    },
    {
      name: 'projections',
      title: 'Projection tests',
      notInBrowser: RUNS_VITEST,
    },
    {
      name: 'can-fail',
      title: 'A test must be able to fail',
      notInBrowser: RUNS_VITEST,
    },
  ],
  exercises: [
    {
      id: '08-1',
      title: 'A test suite for the task domain, checked by broken tasks',
      file: '08-1-task-tests.test.ts',
      notInBrowser: 'its answer is a test file, which vitest runs',
    },
    {
      id: '08-2',
      title: 'Tests for a projection, checked by broken boards',
      file: '08-2-board-tests.test.ts',
      notInBrowser: 'its answer is a test file, which vitest runs',
    },
  ],
} satisfies LessonManifest
