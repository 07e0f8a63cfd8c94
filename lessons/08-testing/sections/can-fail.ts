/**
 * Two tests of one rule, on the real TaskAggregate and on a copy with the
 * rule taken out: the precise test catches the bug, the vague one does not.
 */
import type { SectionRun } from '../../../tools/workbook/manifest.ts'
import { printResults, resultsOf } from '../run-tests.ts'

const VAGUE = 'assign() on a completed task throws'
const PRECISE = 'assign() on a completed task: "cannot be assigned"'

export default async function canFail(run: SectionRun): Promise<void> {
  const file = 'can-fail.test.ts'
  const tests = await resultsOf(file, run)
  printResults(file, tests)

  const state = (task: string, test: string) =>
    tests.find((t) => t.path.join(' › ') === `${task} › ${test}`)?.state
  // What the file shows, and the lesson with it: anything else is a bug.
  const expected =
    state('TaskAggregate', VAGUE) === 'passed' &&
    state('TaskAggregate', PRECISE) === 'passed' &&
    state('ForgetfulTask', VAGUE) === 'passed' &&
    state('ForgetfulTask', PRECISE) === 'failed'
  if (!expected || tests.length !== 4)
    throw new Error(`${file} did not run as the lesson says: see above.`)
  console.log('ForgetfulTask: the precise test caught the bug.')
  console.log(
    'The vague one passed: the task had an assignee, so assign() threw ' +
      'anyway.',
  )
}
