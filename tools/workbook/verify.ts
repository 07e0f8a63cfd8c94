/**
 * `npm run verify 12-1` checks your answer to an exercise; `npm run verify` checks them all, in order;
 * `-- --solution` checks the reference solution instead; `-- --watch` checks again each time you save.
 */
import { parseArgs } from 'node:util'
import { passed, runChecks, watchChecks, type AnswerReport } from './checks.ts'
import { runCommand, UsageError } from './command.ts'
import { exercises, findExercise, type Exercise } from './exercises.ts'
import { readHints } from './hints.ts'
import { firstProblem, mark, printHeader, printReport, summary } from './report.ts'
import { progressOf, readProgress, updateProgress } from './state.ts'
import { bold, cyan, dim, green } from './style.ts'

/** Records the learner's result (never a solution's) and says what to do next. */
function conclude(report: AnswerReport): void {
  const { exercise } = report
  const ok = passed(report)
  const all = [...report.checks, ...report.ownTests]
  const now = new Date().toISOString()
  const progress = updateProgress(exercise.id, (current) => ({
    ...current,
    done: ok,
    passed: all.filter((test) => test.state === 'passed').length,
    total: all.length,
    checkedAt: now,
    doneAt: ok ? (current.doneAt ?? now) : current.doneAt,
  }))
  console.log(`\n${summary(report)}`)
  if (ok) {
    const next = nextExercise()
    console.log(next ? `Next: ${cyan(`npm run verify ${next.id}`)} · ${next.title} (${next.file})` : green(bold('Every exercise is done. Well done!')))
    return
  }
  const hints = readHints(exercise).length
  const hintsLeft = hints - progress.hintsShown
  const [check, where] = firstProblem(report)
  console.log(`Fix first: ${check}${where ? `\n           ${dim(where)}` : ''}`)
  console.log(`Then run ${cyan(`npm run verify ${exercise.id}`)} again, or keep ${cyan('npm run verify -- --watch')} open.`)
  console.log(dim(`Stuck? ${hintsLeft > 0 ? `npm run hint ${exercise.id} shows hint ${progress.hintsShown + 1} of ${hints}.` : `All hints are shown; the solution is ${exercise.solution}.`}`))
}

function nextExercise(): Exercise | undefined {
  const progress = readProgress()
  return exercises.find((exercise) => !progressOf(progress, exercise.id).done)
}

async function verifyOne(exercise: Exercise, solution: boolean): Promise<boolean> {
  const file = solution ? exercise.solution : exercise.file
  printHeader(exercise, file, solution ? 'Reference solution' : 'Your file')
  const [report] = await runChecks(new Map([[exercise, [file]]]))
  printReport(report!)
  if (solution) console.log(`\n${summary(report!)}`)
  else conclude(report!)
  return passed(report!)
}

/** Checks every exercise in one run; details for the first that fails. */
async function verifyAll(solution: boolean): Promise<boolean> {
  const reports = await runChecks(new Map(exercises.map((exercise) => [exercise, [solution ? exercise.solution : exercise.file]])))
  for (const report of reports) console.log(`${passed(report) ? mark.done : mark.failing} ${report.exercise.id}  ${report.exercise.title}  ${dim(report.file)}`)
  const failing = reports.find((report) => !passed(report))
  if (!solution) for (const report of reports) if (passed(report)) conclude(report)
  if (!failing) return true
  console.log('')
  printHeader(failing.exercise, failing.file)
  printReport(failing)
  if (!solution) conclude(failing)
  return false
}

/** Checks one exercise on every save; resolves once the learner's answer passes (a solution is watched until Ctrl+C). */
async function watchUntilPassing(exercise: Exercise, solution: boolean): Promise<void> {
  const file = solution ? exercise.solution : exercise.file
  let done = () => {}
  const passing = new Promise<void>((resolve) => (done = resolve))
  const watcher = await watchChecks(new Map([[exercise, [file]]]), ([report]) => {
    console.clear()
    printHeader(exercise, file, solution ? 'Reference solution' : 'Your file')
    printReport(report!)
    if (solution) console.log(`\n${summary(report!)}`)
    else conclude(report!)
    console.log(dim(`\nWatching ${file}: save it to check again. Ctrl+C stops.`))
    if (!solution && passed(report!)) done()
  })
  await passing
  await watcher.close()
}

/** Rustlings' watch mode: checks the current exercise on every save, and moves on to the next once it passes. */
async function watch(start: Exercise | undefined, solution: boolean): Promise<void> {
  for (let exercise = start ?? nextExercise(); exercise; exercise = nextExercise()) await watchUntilPassing(exercise, solution)
  console.log(green('Every exercise passes. Run npm run progress to see them all.'))
}

await runCommand(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { solution: { type: 'boolean', default: false }, watch: { type: 'boolean', short: 'w', default: false } },
  })
  if (positionals.length > 1) throw new UsageError(`Give one exercise, not ${positionals.length}. Usage: npm run verify [12-1] [-- --solution] [-- --watch]`)
  const exercise = positionals[0] === undefined ? undefined : findExercise(positionals[0])
  if (values.watch) return watch(exercise, values.solution)
  const ok = exercise ? await verifyOne(exercise, values.solution) : await verifyAll(values.solution)
  if (!ok) process.exitCode = 1
})
