/** After a check of the learner's answer: remember the result, and say what to do next. */
import { passed, type AnswerReport } from './checks.ts'
import { readHints } from './hints.ts'
import { firstProblem, summary } from './report.ts'
import { nextExercise, updateProgress, type ExerciseProgress } from './state.ts'
import { bold, cyan, dim, green } from './style.ts'

/** Saves how the learner's answer fared (a solution's result is never recorded). */
export function recordResult(report: AnswerReport): ExerciseProgress {
  const ok = passed(report)
  const all = [...report.checks, ...report.ownTests]
  const now = new Date().toISOString()
  return updateProgress(report.exercise.id, (current) => ({
    ...current,
    done: ok,
    passed: all.filter((test) => test.state === 'passed').length,
    total: all.length,
    checkedAt: now,
    doneAt: ok ? (current.doneAt ?? now) : current.doneAt,
  }))
}

/** Records the result and prints the summary, then the next exercise, or where to start and how to get a hint. */
export function conclude(report: AnswerReport): void {
  const { exercise } = report
  const progress = recordResult(report)
  console.log(`\n${summary(report)}`)
  if (passed(report)) {
    const next = nextExercise()
    console.log(
      next
        ? `Next: ${cyan(`npm run verify ${next.id}`)} · ${next.title} (${next.file})`
        : green(bold('Every exercise is done. Well done!')),
    )
    return
  }
  const hints = readHints(exercise).length
  const [check, where] = firstProblem(report)
  console.log(`Fix first: ${check}${where ? `\n           ${dim(where)}` : ''}`)
  console.log(
    `Then run ${cyan(`npm run verify ${exercise.id}`)} again, or keep ${cyan('npm run verify -- --watch')} open.`,
  )
  const stuck =
    progress.hintsShown < hints
      ? `npm run hint ${exercise.id} shows hint ${progress.hintsShown + 1} of ${hints}.`
      : `All hints are shown; the solution is ${exercise.solution}.`
  console.log(dim(`Stuck? ${stuck}`))
}
