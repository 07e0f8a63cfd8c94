/** Turns a checker's results into what a learner reads: which checks fail, why, and where. */
import { passed, type AnswerReport } from './checks.ts'
import type { Exercise } from './exercises.ts'
import { repoPath } from './paths.ts'
import { bold, cyan, dim, green, red, yellow } from './style.ts'
import type { Failure, TestOutcome } from './vitest-runner.ts'

const MESSAGE_LINES = 6

/** Where a failure points: into the answer when the stack passes through it, else into the checker. */
function location(failure: Failure, report: AnswerReport): string | undefined {
  const relativeFrames = failure.frames.map((frame) => ({ ...frame, path: repoPath(frame.file) }))
  const inAnswer = relativeFrames.find((frame) => frame.path === report.file)
  if (inAnswer) return `at ${inAnswer.path}:${inAnswer.line}`
  const inChecker = relativeFrames.find((frame) => frame.path === report.exercise.check)
  return inChecker ? `checked in ${inChecker.path}:${inChecker.line}` : undefined
}

function describeFailure(failure: Failure, report: AnswerReport): string[] {
  const lines = failure.message.trim().split('\n').slice(0, MESSAGE_LINES)
  const where = location(failure, report)
  return [...lines.map((line) => red(line)), ...(where ? [dim(where)] : [])]
}

function printTests(title: string, tests: TestOutcome[], report: AnswerReport, seen: Set<string>): void {
  if (tests.length === 0) return
  const passing = tests.filter((test) => test.state === 'passed').length
  console.log(`\n${bold(title)} ${dim(`(${passing} of ${tests.length} pass)`)}`)
  for (const test of tests) {
    const ok = test.state === 'passed'
    console.log(`  ${ok ? green('✓') : red('✗')} ${test.path.at(-1)}`)
    for (const failure of test.failures) {
      // The same error in many checks (an unfinished fixture, say) is shown once.
      const detail = seen.has(failure.message) ? [dim('(the same error as above)')] : describeFailure(failure, report)
      seen.add(failure.message)
      for (const line of detail) console.log(`      ${line}`)
    }
  }
}

export function printHeader(exercise: Exercise, file: string, label = 'File'): void {
  console.log(`${bold(`Exercise ${exercise.id}`)} · ${exercise.title}`)
  console.log(`${label}: ${cyan(file)}`)
}

/** The checks of one answer, one line each, with the reason and place of each failure. */
export function printReport(report: AnswerReport): void {
  const seen = new Set<string>()
  for (const error of report.errors) {
    console.log(`\n${red('The checker could not run:')}`)
    for (const line of describeFailure(error, report)) console.log(`  ${line}`)
  }
  printTests('Your tests', report.ownTests, report, seen)
  printTests('Checks', report.checks, report, seen)
}

export function summary(report: AnswerReport): string {
  const all = [...report.checks, ...report.ownTests]
  const passing = all.filter((test) => test.state === 'passed').length
  if (passed(report)) return `${green('✓')} ${report.exercise.id} passes all ${all.length} checks.`
  return `${red('✗')} ${report.exercise.id}: ${passing} of ${all.length} checks pass.`
}

/** The first failing check and where it points: the place to start. */
export function firstProblem(report: AnswerReport): string[] {
  for (const test of [...report.checks, ...report.ownTests]) {
    const failure = test.failures[0]
    if (failure) return [test.path.at(-1) ?? '', location(failure, report)].filter((line) => line !== undefined)
  }
  return report.errors[0] ? ['the checker error above'] : []
}

export const mark = { done: green('✓'), failing: red('✗'), untouched: dim('·'), warn: yellow('!') }
