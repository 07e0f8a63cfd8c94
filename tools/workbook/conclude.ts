/** After a check of the learner's answer: remember the result, and say what to do next. */
import { passed, type AnswerReport } from './checks.ts'
import { loadCourse } from './course.ts'
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

/**
 * Records the result and prints the summary. Once it passes: the reference solution to compare with, and
 * the next exercise. Until then: where to start, and how to get a hint (never the solution unasked).
 */
export async function conclude(report: AnswerReport): Promise<void> {
  const { exercise } = report
  const progress = recordResult(report)
  console.log(`\n${summary(report)}`)
  if (passed(report)) {
    console.log(
      dim(`Compare with the reference solution: ${exercise.solution}`),
    )
    const next = nextExercise((await loadCourse()).exercises)
    console.log(
      next
        ? `Next: ${cyan(`npm run verify ${next.id}`)} · ${next.title} (${next.file})`
        : green(bold('Every exercise is done. Well done!')),
    )
    return
  }
  const hints = readHints(exercise).length
  const [problem, where] = firstProblem(report)
  console.log(
    `Fix first: ${problem}${where ? `\n           ${dim(where)}` : ''}`,
  )
  console.log(
    `Then run ${cyan(`npm run verify ${exercise.id}`)} again, or keep ${cyan('npm run verify -- --watch')} open.`,
  )
  const stuck =
    progress.hintsShown < hints
      ? `npm run hint ${exercise.id} shows hint ${progress.hintsShown + 1} of ${hints}.`
      : `You have seen all ${hints} hints; npm run hint ${exercise.id} -- --solution names the reference solution (a spoiler).`
  console.log(dim(`Stuck? ${stuck}`))
}
