/**
 * `npm run verify 12-1` checks your answer to an exercise: the compiler first, then its checks;
 * `npm run verify` checks them all, in order; `-- --solution` checks the reference solution instead;
 * `-- --watch` checks again each time you save (see watch.ts).
 */
import { passed, runChecks, type AnswerReport } from './checks.ts'
import { commandLine, runCommand, UsageError } from './command.ts'
import { conclude, recordResult } from './conclude.ts'
import { findExercise, loadCourse, type Exercise } from './course.ts'
import { mark, printHeader, printReport, summary } from './report.ts'
import { dim, green } from './style.ts'
import { watch } from './watch.ts'

const USAGE = 'Usage: npm run verify [12-1] [-- --solution] [-- --watch]'

const answerOf = (exercise: Exercise, solution: boolean) =>
  solution ? exercise.solution : exercise.file
const header = (exercise: Exercise, solution: boolean) =>
  printHeader(
    exercise,
    answerOf(exercise, solution),
    solution ? 'Reference solution' : 'Your file',
  )

/** The checks of an answer and their summary; for the learner's own file, recorded, with what to do next. */
async function showResult(
  report: AnswerReport,
  solution: boolean,
): Promise<void> {
  printReport(report)
  if (solution) console.log(`\n${summary(report)}`)
  else await conclude(report)
}

async function verifyOne(
  exercise: Exercise,
  solution: boolean,
): Promise<boolean> {
  header(exercise, solution)
  const [report] = await runChecks(
    new Map([[exercise, [answerOf(exercise, solution)]]]),
  )
  await showResult(report!, solution)
  return passed(report!)
}

/** Checks every exercise in one run: a line each, then the details of the first that fails. */
async function verifyAll(
  exercises: readonly Exercise[],
  solution: boolean,
): Promise<boolean> {
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
  await showResult(failing, solution)
  return false
}

await runCommand(async () => {
  const { positionals, flags } = commandLine('verify', {
    flags: ['solution', 'watch'],
    short: { watch: 'w' },
  })
  if (positionals.length > 1)
    throw new UsageError(
      `Give one exercise, not ${positionals.length}. ${USAGE}`,
    )
  const { exercises } = await loadCourse()
  const exercise =
    positionals[0] === undefined
      ? undefined
      : await findExercise(positionals[0])
  if (flags.watch) return watch(exercises, exercise, flags.solution)
  const ok = exercise
    ? await verifyOne(exercise, flags.solution)
    : await verifyAll(exercises, flags.solution)
  if (!ok) process.exitCode = 1
})
