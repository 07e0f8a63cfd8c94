/**
 * Runs the lesson's test files with vitest, once: the first section that
 * asks starts one run for the files of every section this run runs, and
 * each section prints the results of its file. (A vitest run takes a second
 * to start; five would take five. A section run alone runs its file alone.)
 */
import { fileURLToPath } from 'node:url'
import { wrap } from '../02-first-event/wrap.ts'
import type { SectionRun } from '../../tools/workbook/manifest.ts'
import { green, red } from '../../tools/workbook/style.ts'
import {
  runTests,
  type RunReport,
  type TestOutcome,
} from '../../tools/workbook/vitest-runner.ts'

/** The test file whose results each section prints, by section name. */
const FILES: Record<string, string> = {
  aggregate: 'task.test.ts',
  replay: 'replay.test.ts',
  stores: 'stores.test.ts',
  projections: 'board.test.ts',
  'can-fail': 'can-fail.test.ts',
}

let results: Promise<RunReport> | undefined

/** The results of one of the lesson's test files, as vitest ran them. */
export async function resultsOf(
  file: string,
  run: SectionRun,
): Promise<TestOutcome[]> {
  const files = new Set([file, ...run.sections.flatMap((s) => FILES[s] ?? [])])
  results ??= runTests({
    files: [...files].map((name) =>
      fileURLToPath(new URL(name, import.meta.url)),
    ),
  })
  const { tests, errors } = await results
  if (errors.length > 0)
    throw new Error(errors.map((error) => error.message).join('\n'))
  return tests.filter((test) => test.file === `lessons/08-testing/${file}`)
}

/** Prints a file's tests as vitest's reporter would: a mark and a path. */
export function printResults(file: string, tests: TestOutcome[]): void {
  console.log(`vitest lessons/08-testing/${file}`)
  for (const test of tests) {
    const mark = test.state === 'passed' ? green('✓') : red('✗')
    console.log(`  ${mark} ${test.path.join(' › ')}`)
    for (const failure of test.failures) {
      // Its first line, indented 6 in the site's output column of 78.
      const message = wrap(failure.message.split('\n')[0]!, '', 72)
      for (const line of message.split('\n')) console.log(`      ${red(line)}`)
    }
  }
}

/** Runs a file's tests and prints them; every one of them must pass. */
export async function runAndPrint(
  file: string,
  run: SectionRun,
): Promise<void> {
  const tests = await resultsOf(file, run)
  printResults(file, tests)
  const failed = tests.filter((test) => test.state !== 'passed')
  if (failed.length > 0 || tests.length === 0)
    throw new Error(`The lesson's tests in ${file} failed: see above.`)
  console.log(`${tests.length} tests passed`)
}
