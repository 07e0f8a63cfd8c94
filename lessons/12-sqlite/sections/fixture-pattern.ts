/**
 * Vitest fixtures: runs the lesson's tests (notes.test.ts, on the fixtures of
 * note-fixtures.ts), then shows the fresh-registry pitfall.
 */
import { fileURLToPath } from 'node:url'
import { green, red } from '../../../tools/workbook/style.ts'
import { runTests } from '../../../tools/workbook/vitest-runner.ts'
import { freshRegistry } from '../fresh-registry.ts'

const testFile = fileURLToPath(new URL('../notes.test.ts', import.meta.url))

export default async function fixturePattern(): Promise<void> {
  console.log(
    'vitest lessons/12-sqlite/notes.test.ts (fixtures from note-fixtures.ts: ' +
      'a fresh store per test, closed after it)',
  )
  const report = await runTests({ files: [testFile] })
  for (const test of report.tests) {
    const mark = test.state === 'passed' ? green('✓') : red('✗')
    console.log(`  ${mark} ${test.path.join(' › ')}`)
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
