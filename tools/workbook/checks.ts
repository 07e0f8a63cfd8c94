/**
 * Checks answers: the compiler first, then the exercise's checker. One type check and one vitest run cover
 * every answer asked for (the learner's files, the solutions, or any other file); each gets its own report.
 */
import type { Exercise } from './course.ts'
import { absolutePath, repoPath } from './paths.ts'
import { groupOf } from './test-groups.ts'
import {
  typeCheckerInWorker,
  type TypeCheckerWorker,
  type TypeError,
} from './typecheck.ts'
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
  /** What the compiler found wrong in the answer (it reads what the answer imports for its types only). */
  typeErrors: TypeError[]
  /** The checker's checks. */
  checks: TestOutcome[]
  /** Tests the answer itself defines (exercise 12-1 asks for some). */
  ownTests: TestOutcome[]
  /** Errors outside any test, such as a checker that failed to load. */
  errors: Failure[]
}

export function passed(report: AnswerReport): boolean {
  return (
    report.typeErrors.length === 0 &&
    report.errors.length === 0 &&
    report.checks.length > 0 &&
    [...report.checks, ...report.ownTests].every(
      (test) => test.state === 'passed',
    )
  )
}

/** How long one check may wait for the answer: checks take milliseconds, so this is a promise that never settles. */
export const CHECK_TIMEOUT_MS =
  Number(process.env.WORKBOOK_CHECK_TIMEOUT_MS) || 10_000

/** A run in which no check ends for this long has an answer stuck in a loop that never yields, which no check timeout can stop. */
const STUCK_AFTER_MS = Number(process.env.WORKBOOK_STUCK_AFTER_MS) || 30_000

/** How many checker files run at once: vitest's default, unless WORKBOOK_CHECK_THREADS says otherwise. */
const THREADS = Number(process.env.WORKBOOK_CHECK_THREADS) || undefined

/** A run that never ends cannot be stopped from inside: say so, and exit (which ends the worker threads too). */
function giveUp(plan: CheckPlan, unfinishedCheckers: string[]): never {
  const stuck = [...plan].filter(([exercise]) =>
    unfinishedCheckers.includes(repoPath(absolutePath(exercise.check))),
  )
  const files = (stuck.length > 0 ? stuck : [...plan])
    .flatMap(([, answerFiles]) => answerFiles)
    .join(', ')
  console.error(
    `\nNo check ended for ${STUCK_AFTER_MS / 1000} s: ${files} runs a loop that never ends ` +
      '(it never even pauses for a timer). Check that every loop has a way out, then run the checks again.',
  )
  process.exit(1)
}

/** Checks the plan once; with the type checker of a watch session, or with one of its own. */
export async function runChecks(
  plan: CheckPlan,
  types?: TypeCheckerWorker,
): Promise<AnswerReport[]> {
  const checker = types ?? typeCheckerInWorker()
  try {
    const [errors, run] = await Promise.all([
      checker.check(answers(plan)),
      runTests(runOptions(plan)),
    ])
    return toAnswerReports(plan, errors, run)
  } finally {
    if (!types) await checker.close()
  }
}

/**
 * Checks the plan now and again each time an answer or a lesson file changes, until `close()`. The type
 * checker is the watch session's, which re-checks only what changed: the first check, of the whole
 * program, runs beside the first run; each later one, a fraction of a second, once its run has ended.
 */
export async function watchChecks(
  plan: CheckPlan,
  types: TypeCheckerWorker,
  onReports: (reports: AnswerReport[]) => void,
): Promise<{ rerun(): Promise<void>; close(): Promise<void> }> {
  let first: Promise<TypeError[]> | undefined = types.check(answers(plan))
  let closed = false
  const watcher = await watchTests(runOptions(plan), (report) => {
    const errors = first ?? types.check(answers(plan))
    first = undefined
    // Checks are answered in order, so reports keep the order of their runs.
    void errors.then((found) => {
      if (!closed) onReports(toAnswerReports(plan, found, report))
    })
  })
  return {
    rerun: () => watcher.rerun(),
    close: () => {
      closed = true
      return watcher.close()
    },
  }
}

function answers(plan: CheckPlan): string[] {
  return [...plan.values()].flat().map((file) => repoPath(absolutePath(file)))
}

function runOptions(plan: CheckPlan): RunOptions {
  const targets = Object.fromEntries(
    [...plan].map(([exercise, files]) => [
      exercise.id,
      files.map((file) => repoPath(absolutePath(file))),
    ]),
  )
  return {
    files: [...plan.keys()].map((exercise) => exercise.check),
    env: { WORKBOOK_TARGETS: JSON.stringify(targets) },
    // Checkers import answers by a computed path, which vitest cannot trace: name them, and the lessons.
    rerunOn: [...answers(plan), 'lessons/**/*.ts'],
    onStuck: (unfinished) => giveUp(plan, unfinished),
    stuckAfterMs: STUCK_AFTER_MS,
    testTimeout: CHECK_TIMEOUT_MS,
    maxWorkers: THREADS,
  }
}

/** vitest's words for a check that waited too long, in the learner's terms. */
function explain(failure: Failure): Failure {
  if (!/^Test timed out in \d+ms/.test(failure.message)) return failure
  const message =
    `Your code did not finish within ${CHECK_TIMEOUT_MS / 1000} s: it waits on a promise that never settles. ` +
    'Look for an await on something that never resolves, such as a fixture that never calls use(), or a ' +
    'loop that keeps awaiting with no way out.'
  return { ...failure, message }
}

const explained = (test: TestOutcome): TestOutcome => ({
  ...test,
  failures: test.failures.map(explain),
})

function toAnswerReports(
  plan: CheckPlan,
  types: readonly TypeError[],
  run: RunReport,
): AnswerReport[] {
  const answerFiles = new Set(answers(plan))
  return [...plan].flatMap(([exercise, files]) => {
    const checkerErrors = run.errors.filter(
      (error) => error.file === undefined || error.file === exercise.check,
    )
    return files.map((path) => {
      const file = repoPath(absolutePath(path))
      const tests = run.tests
        .filter((test) => test.file === exercise.check && test.path[0] === file)
        .map(explained)
      return {
        exercise,
        file,
        // Its own errors, and those found in no file (the compiler's options); not those of other answers.
        typeErrors: types.filter(
          (error) => error.file === file || !answerFiles.has(error.file),
        ),
        checks: tests.filter((test) => groupOf(test.path) === 'checks'),
        ownTests: tests.filter((test) => groupOf(test.path) === 'own'),
        errors: checkerErrors,
      }
    })
  })
}
