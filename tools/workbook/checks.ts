/**
 * Runs exercise checkers on answers: the learner's files, the solutions, or any other file. One vitest run
 * checks every answer asked for; each answer gets its own report.
 */
import type { Exercise } from './exercises.ts'
import { repoPath, absolutePath } from './paths.ts'
import {
  runTests,
  watchTests,
  type Failure,
  type RunOptions,
  type RunReport,
  type TestOutcome,
} from './vitest-runner.ts'

/** The answers to check, a list of files per exercise. */
export type CheckPlan = ReadonlyMap<Exercise, readonly string[]>

export interface AnswerReport {
  exercise: Exercise
  /** The answer's file, relative to the repository. */
  file: string
  /** The checker's checks. */
  checks: TestOutcome[]
  /** Tests the answer itself defines (exercise 12-1 asks for some). */
  ownTests: TestOutcome[]
  /** Errors outside any test, such as a checker that failed to load. */
  errors: Failure[]
}

export function passed(report: AnswerReport): boolean {
  return (
    report.errors.length === 0 &&
    report.checks.length > 0 &&
    [...report.checks, ...report.ownTests].every(
      (test) => test.state === 'passed',
    )
  )
}

/** Checks normally take a second or two; a run this long has a test stuck in a loop that never ends. */
const STUCK_AFTER_MS = Number(process.env.WORKBOOK_STUCK_AFTER_MS) || 30_000

/** A run that never ends cannot be stopped from inside: say so, and exit (which ends the worker threads too). */
function giveUp(plan: CheckPlan): never {
  const files = [...plan.values()].flat().join(', ')
  console.error(
    `\nThe checks did not finish within ${STUCK_AFTER_MS / 1000} s: a loop in ${files} probably never ends. ` +
      'Check that every loop has a way out, then run the checks again.',
  )
  process.exit(1)
}

export async function runChecks(plan: CheckPlan): Promise<AnswerReport[]> {
  return toAnswerReports(plan, await runTests(runOptions(plan)))
}

export function watchChecks(
  plan: CheckPlan,
  onReports: (reports: AnswerReport[]) => void,
): Promise<{ close(): Promise<void> }> {
  return watchTests(runOptions(plan), (report) =>
    onReports(toAnswerReports(plan, report)),
  )
}

function runOptions(plan: CheckPlan): RunOptions {
  const targets = Object.fromEntries(
    [...plan].map(([exercise, files]) => [
      exercise.id,
      files.map((file) => repoPath(absolutePath(file))),
    ]),
  )
  const answers = Object.values(targets).flat()
  // Checkers import answers by a computed path, which vitest cannot trace: name them, and the lesson code they use.
  return {
    files: [...plan.keys()].map((exercise) => exercise.check),
    env: { WORKBOOK_TARGETS: JSON.stringify(targets) },
    rerunOn: [...answers, 'lessons/**/*.ts'],
    onStuck: () => giveUp(plan),
    stuckAfterMs: STUCK_AFTER_MS,
  }
}

function toAnswerReports(plan: CheckPlan, run: RunReport): AnswerReport[] {
  return [...plan].flatMap(([exercise, files]) => {
    const checkerErrors = run.errors.filter(
      (error) => error.file === undefined || error.file === exercise.check,
    )
    return files.map((path) => {
      const file = repoPath(absolutePath(path))
      const tests = run.tests.filter(
        (test) => test.file === exercise.check && test.path[0] === file,
      )
      const isCheck = (test: TestOutcome) => test.path[1] === 'checks'
      return {
        exercise,
        file,
        checks: tests.filter(isCheck),
        ownTests: tests.filter((test) => !isCheck(test)),
        errors: checkerErrors,
      }
    })
  })
}
