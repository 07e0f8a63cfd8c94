/** Lesson 12, in the order of the Python original's complete example. */
import type { LessonManifest } from '../../tools/workbook/manifest.ts'

export default {
  number: 12,
  sections: [
    { name: 'in-memory', title: 'In-memory store' },
    {
      name: 'file-based',
      title: 'File store',
      notInBrowser: 'it writes a database file and its -wal and -shm files',
    },
    {
      name: 'configuration',
      title: 'Configuration options',
      notInBrowser: 'it opens a database file',
    },
    {
      name: 'fixture-pattern',
      title: 'Fixture pattern (vitest test.extend)',
      notInBrowser: 'it runs vitest',
    },
    {
      name: 'development-workflow',
      title: 'Development workflow: a store per environment',
      notInBrowser: 'it creates a directory and a database file in it',
    },
    {
      name: 'migration-path',
      title: 'Migration path to PostgreSQL',
      notInBrowser: 'it reads a SQLite file and writes to PostgreSQL',
    },
  ],
  exercises: [
    {
      id: '12-1',
      title: 'Vitest fixtures: a fresh SQLite store per test',
      file: '12-1-fixtures.test.ts',
      notInBrowser: 'its answer is a test file, which vitest runs',
    },
    {
      id: '12-2',
      title: 'An environment-based store factory with clear errors',
      file: '12-2-store-factory.ts',
      notInBrowser: 'it reads environment variables and writes database files',
    },
    {
      id: '12-3',
      title: 'A resumable batch migration, verified by a checksum',
      file: '12-3-migration.ts',
      notInBrowser: "its checksum uses Node's crypto module",
    },
  ],
} satisfies LessonManifest
