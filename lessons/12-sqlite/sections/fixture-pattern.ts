/** Vitest fixtures: runs the lesson's tests (notes.test.ts on note-fixtures.ts), then the registry pitfall. */
import { fileURLToPath } from 'node:url'
import { green, red } from '../../../tools/workbook/style.ts'
import { runTests } from '../../../tools/workbook/vitest-runner.ts'
import { freshRegistry } from '../fresh-registry.ts'

const testFile = fileURLToPath(new URL('../notes.test.ts', import.meta.url))

export default async function fixturePattern(): Promise<void> {
  console.log(
    'vitest lessons/12-sqlite/notes.test.ts (fixtures from note-fixtures.ts: a fresh store per test, closed after it)',
  )
  const report = await runTests({ files: [testFile] })
  for (const test of report.tests) {
    console.log(
      `  ${test.state === 'passed' ? green('✓') : red('✗')} ${test.path.join(' › ')}`,
    )
    for (const failure of test.failures)
      console.log(`    ${red(failure.message)}`)
  }
  for (const error of report.errors) console.log(`  ${red(error.message)}`)
  if (
    report.errors.length > 0 ||
    report.tests.some((test) => test.state === 'failed')
  )
    throw new Error('The lesson tests failed: see above.')
  await freshRegistry()
}
