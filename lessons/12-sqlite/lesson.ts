/** Lesson 12, section by section, in the order of the seed's complete example. `npm run lesson 12` runs it. */
import type { Lesson, Section } from '../../tools/workbook/curriculum.ts'

/** A section whose module loads when it runs, so one section alone starts fast (PGlite and vitest are big). */
const section = (
  name: string,
  title: string,
  load: () => Promise<() => Promise<void>>,
): Section => ({ name, title, run: async () => (await load())() })

export const lesson: Lesson = {
  number: 12,
  title: 'SQLite for development and testing',
  sections: [
    section(
      'in-memory',
      'In-memory store',
      async () => (await import('./sections/in-memory.ts')).inMemory,
    ),
    section(
      'file-based',
      'File store',
      async () => (await import('./sections/file-based.ts')).fileBased,
    ),
    section(
      'configuration',
      'Configuration options',
      async () => (await import('./sections/configuration.ts')).configuration,
    ),
    section(
      'fixture-pattern',
      'Fixture pattern (vitest test.extend)',
      async () =>
        (await import('./sections/fixture-pattern.ts')).fixturePattern,
    ),
    section(
      'development-workflow',
      'Development workflow: a store per environment',
      async () =>
        (await import('./sections/development-workflow.ts'))
          .developmentWorkflow,
    ),
    section(
      'migration-path',
      'Migration path to PostgreSQL',
      async () => (await import('./sections/migration-path.ts')).migrationPath,
    ),
  ],
}
