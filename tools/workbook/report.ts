/** Turns a checker's results into what a learner reads: which checks fail, why, and where. */
import { passed, type AnswerReport } from './checks.ts'
import type { Exercise } from './exercises.ts'
import { repoPath } from './paths.ts'
import { bold, cyan, dim, green, red } from './style.ts'
import type { Failure, TestOutcome } from './vitest-runner.ts'

const MESSAGE_LINES = 6

/** Where a failure points: into the answer when the stack passes through it, else into the checker. */
function location(failure: Failure, report: AnswerReport): string | undefined {
  const relativeFrames = failure.frames.map((frame) => ({
    ...frame,
    path: repoPath(frame.file),
  }))
  const inAnswer = relativeFrames.find((frame) => frame.path === report.file)
  if (inAnswer) return `at ${inAnswer.path}:${inAnswer.line}`
  const inChecker = relativeFrames.find(
    (frame) => frame.path === report.exercise.check,
  )
  return inChecker
    ? `checked in ${inChecker.path}:${inChecker.line}`
    : undefined
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

export function printHeader(
  exercise: Exercise,
  file: string,
  label: string,
): void {
  console.log(`${bold(`Exercise ${exercise.id}`)} · ${exercise.title}`)
  console.log(`${label}: ${cyan(file)}`)
}

/** The checks of one answer, one line each, with the reason and place of each failure. */
export function printReport(report: AnswerReport): void {
  const shown = new Map<string, string>()
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
  return `${red('✗')} ${report.exercise.id}: ${passing} of ${all.length} checks pass.`
}

/** The first failing check and where it points: the place to start. */
export function firstProblem(report: AnswerReport): string[] {
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
