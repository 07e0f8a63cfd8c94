/**
 * `npm run verify 12-1` checks your answer to an exercise; `npm run verify` checks them all, in order;
 * `-- --solution` checks the reference solution instead; `-- --watch` checks again each time you save.
 */
import { parseArgs } from 'node:util'
import { passed, runChecks, watchChecks, type AnswerReport } from './checks.ts'
import { conclude, recordResult } from './conclude.ts'
import { runCommand, UsageError } from './command.ts'
import { exercises, findExercise, type Exercise } from './exercises.ts'
import { mark, printHeader, printReport, summary } from './report.ts'
import { nextExercise } from './state.ts'
import { dim, green } from './style.ts'

const answerOf = (exercise: Exercise, solution: boolean) =>
  solution ? exercise.solution : exercise.file
const header = (exercise: Exercise, solution: boolean) =>
  printHeader(
    exercise,
    answerOf(exercise, solution),
    solution ? 'Reference solution' : 'Your file',
  )

/** The checks of an answer and their summary; for the learner's own file, recorded, with what to do next. */
function showResult(report: AnswerReport, solution: boolean): void {
  printReport(report)
  if (solution) console.log(`\n${summary(report)}`)
  else conclude(report)
}

async function verifyOne(
  exercise: Exercise,
  solution: boolean,
): Promise<boolean> {
  header(exercise, solution)
  const [report] = await runChecks(
    new Map([[exercise, [answerOf(exercise, solution)]]]),
  )
  showResult(report!, solution)
  return passed(report!)
}

/** Checks every exercise in one run: a line each, then the details of the first that fails. */
async function verifyAll(solution: boolean): Promise<boolean> {
  const reports = await runChecks(
    new Map(
      exercises.map((exercise) => [exercise, [answerOf(exercise, solution)]]),
    ),
  )
  for (const report of reports) {
    if (!solution) recordResult(report)
    console.log(
      `${passed(report) ? mark.done : mark.failing} ${report.exercise.id}  ${report.exercise.title}  ${dim(report.file)}`,
    )
  }
  const failing = reports.find((report) => !passed(report))
  if (!failing) {
    console.log(green(`\nEvery ${solution ? 'solution' : 'exercise'} passes.`))
    return true
  }
  console.log('')
  header(failing.exercise, solution)
  showResult(failing, solution)
  return false
}

/** Checks one exercise on every save; resolves once the learner's answer passes (a solution is watched until Ctrl+C). */
async function watchUntilPassing(
  exercise: Exercise,
  solution: boolean,
): Promise<void> {
  const file = answerOf(exercise, solution)
  let done = () => {}
  const passing = new Promise<void>((resolve) => (done = resolve))
  const watcher = await watchChecks(
    new Map([[exercise, [file]]]),
    ([report]) => {
      console.clear()
      header(exercise, solution)
      showResult(report!, solution)
      if (!solution && passed(report!)) done()
      else
        console.log(
          dim(`\nWatching ${file}: save it to check again. Ctrl+C stops.`),
        )
    },
  )
  await passing
  await watcher.close()
}

/** Rustlings' watch mode: checks the current exercise on every save, and moves on to the next once it passes. */
async function watch(
  start: Exercise | undefined,
  solution: boolean,
): Promise<void> {
  for (
    let exercise = start ?? nextExercise();
    exercise;
    exercise = nextExercise()
  )
    await watchUntilPassing(exercise, solution)
  console.log(
    green('Every exercise passes. Run npm run progress to see them all.'),
  )
}

await runCommand(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      solution: { type: 'boolean', default: false },
      watch: { type: 'boolean', short: 'w', default: false },
    },
  })
  if (positionals.length > 1)
    throw new UsageError(
      `Give one exercise, not ${positionals.length}. Usage: npm run verify [12-1] [-- --solution] [-- --watch]`,
    )
  const exercise =
    positionals[0] === undefined ? undefined : findExercise(positionals[0])
  if (values.watch) return watch(exercise, values.solution)
  const ok = exercise
    ? await verifyOne(exercise, values.solution)
    : await verifyAll(values.solution)
  if (!ok) process.exitCode = 1
})
