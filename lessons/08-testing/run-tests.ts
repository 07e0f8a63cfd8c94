/**
 * Runs the lesson's test files with vitest, once: the first section that
 * asks starts the run, and every section prints the results of its file.
 * (A vitest run takes a second to start; five would take five.)
 */
import { fileURLToPath } from 'node:url'
import { wrap } from '../02-first-event/wrap.ts'
import { green, red } from '../../tools/workbook/style.ts'
import {
  runTests,
  type RunReport,
  type TestOutcome,
} from '../../tools/workbook/vitest-runner.ts'

const FILES = [
  'task.test.ts',
  'replay.test.ts',
  'stores.test.ts',
  'board.test.ts',
  'can-fail.test.ts',
]

let run: Promise<RunReport> | undefined

/** The results of one of the lesson's test files, as vitest ran them. */
export async function resultsOf(file: string): Promise<TestOutcome[]> {
  run ??= runTests({
    files: FILES.map((name) => fileURLToPath(new URL(name, import.meta.url))),
  })
  const { tests, errors } = await run
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
export async function runAndPrint(file: string): Promise<void> {
  const tests = await resultsOf(file)
  printResults(file, tests)
  const failed = tests.filter((test) => test.state !== 'passed')
  if (failed.length > 0 || tests.length === 0)
    throw new Error(`The lesson's tests in ${file} failed: see above.`)
  console.log(`${tests.length} tests passed`)
}
