/** Turns a checker's results into what a learner reads: what the compiler says, which checks fail, why, where. */
import { passed, type AnswerReport } from './checks.ts'
import type { Exercise } from './course.ts'
import { repoPath } from './paths.ts'
import { bold, cyan, dim, green, red } from './style.ts'
import type { Failure, TestOutcome } from './vitest-runner.ts'

const MESSAGE_LINES = 6

/**
 * Where a failure points: a line of the learner's own file when the stack passes through it. Never into the
 * checker: learners are not asked to read it, so the message itself must say what to fix.
 */
function location(failure: Failure, report: AnswerReport): string | undefined {
  const inAnswer = failure.frames.find(
    (frame) => repoPath(frame.file) === report.file,
  )
  return inAnswer && `at ${report.file}:${inAnswer.line}`
}

function describeFailure(failure: Failure, report: AnswerReport): string[] {
  const lines = failure.message.trim().split('\n').slice(0, MESSAGE_LINES)
  const where = location(failure, report)
  return [...lines.map((line) => red(line)), ...(where ? [dim(where)] : [])]
}

/** Prints tests with their failures. An error already shown under another test is referred to, not repeated. */
function printTests(
  title: string,
  tests: TestOutcome[],
  report: AnswerReport,
  shown: Map<string, string>,
): void {
  if (tests.length === 0) return
  const passing = tests.filter((test) => test.state === 'passed').length
  console.log(`\n${bold(title)} ${dim(`(${passing} of ${tests.length} pass)`)}`)
  for (const test of tests) {
    const name = test.path.at(-1) ?? ''
    console.log(`  ${test.state === 'passed' ? green('✓') : red('✗')} ${name}`)
    for (const failure of test.failures) {
      const first = shown.get(failure.message)
      const detail =
        first === undefined
          ? describeFailure(failure, report)
          : [dim(`(the same error as "${first}")`)]
      if (first === undefined) shown.set(failure.message, name)
      for (const line of detail) console.log(`      ${line}`)
    }
  }
}

/** The compiler's errors, as `file:line:column - TSxxxx: message`, the learner's own file first. */
function printTypeErrors(report: AnswerReport): void {
  if (report.typeErrors.length === 0) return
  const errors = [...report.typeErrors].sort(
    (a, b) => Number(b.file === report.file) - Number(a.file === report.file),
  )
  console.log(
    `\n${bold('Type errors')} ${dim(`(${errors.length}; the compiler checks your file before the checks run)`)}`,
  )
  for (const error of errors) {
    const where = error.file
      ? `${error.file}:${error.line}:${error.column}`
      : ''
    console.log(`  ${red('✗')} ${where} ${dim(`${error.code}:`)}`)
    for (const line of error.message.split('\n').slice(0, MESSAGE_LINES))
      console.log(`      ${red(line)}`)
  }
}

export function printHeader(
  exercise: Exercise,
  file: string,
  label: string,
): void {
  console.log(`${bold(`Exercise ${exercise.id}`)} · ${exercise.title}`)
  console.log(`${label}: ${cyan(file)}`)
}

/** The compiler's findings, then the checks of one answer, one line each, with the reason and place of each failure. */
export function printReport(report: AnswerReport): void {
  const shown = new Map<string, string>()
  printTypeErrors(report)
  for (const error of report.errors) {
    console.log(`\n${red('The checker could not run:')}`)
    for (const line of describeFailure(error, report)) console.log(`  ${line}`)
  }
  printTests('Your tests', report.ownTests, report, shown)
  printTests('Checks', report.checks, report, shown)
}

export function summary(report: AnswerReport): string {
  const all = [...report.checks, ...report.ownTests]
  const passing = all.filter((test) => test.state === 'passed').length
  if (passed(report))
    return `${green('✓')} ${report.exercise.id} passes all ${all.length} checks.`
  const types = report.typeErrors.length
  const typeNote =
    types > 0 ? `; ${types} type error${types > 1 ? 's' : ''} to fix first` : ''
  return `${red('✗')} ${report.exercise.id}: ${passing} of ${all.length} checks pass${typeNote}.`
}

/** Where to start: the first type error, else the first failing check and where it points. */
export function firstProblem(report: AnswerReport): string[] {
  const typeError = report.typeErrors[0]
  if (typeError)
    return [
      `the type error ${typeError.code}`,
      `at ${typeError.file}:${typeError.line}`,
    ]
  for (const test of [...report.checks, ...report.ownTests]) {
    const failure = test.failures[0]
    if (failure)
      return [test.path.at(-1) ?? '', location(failure, report)].filter(
        (line) => line !== undefined,
      )
  }
  return report.errors[0] ? ['the checker error above'] : []
}

export const mark = { done: green('✓'), failing: red('✗'), untouched: dim('·') }
