/** Lesson 12, section by section, in the order of the seed's complete example. `npm run lesson 12` runs it. */
import type { Lesson } from '../../tools/workbook/curriculum.ts'
import { configuration } from './sections/configuration.ts'
import { developmentWorkflow } from './sections/development-workflow.ts'
import { fileBased } from './sections/file-based.ts'
import { fixturePattern } from './sections/fixture-pattern.ts'
import { inMemory } from './sections/in-memory.ts'
import { migrationPath } from './sections/migration-path.ts'

export const lesson: Lesson = {
  number: 12,
  title: 'SQLite for development and testing',
  sections: [
    { name: 'in-memory', title: 'In-memory store', run: inMemory },
    { name: 'file-based', title: 'File store', run: fileBased },
    { name: 'configuration', title: 'Configuration options', run: configuration },
    { name: 'fixture-pattern', title: 'Fixture pattern (vitest test.extend)', run: fixturePattern },
    { name: 'development-workflow', title: 'Development workflow: a store per environment', run: developmentWorkflow },
    { name: 'migration-path', title: 'Migration path to PostgreSQL', run: migrationPath },
  ],
}
