/** `npm run progress`: which exercises are done, which are under way, and what to do next. */
import { runCommand } from './command.ts'
import { curriculum } from './curriculum.ts'
import { exercises } from './exercises.ts'
import { mark } from './report.ts'
import { nextExercise, progressOf, readProgress, stateFile } from './state.ts'
import { bold, cyan, dim } from './style.ts'

await runCommand(async () => {
  const progress = readProgress()
  const done = exercises.filter(
    (exercise) => progressOf(progress, exercise.id).done,
  )
  console.log(
    bold(`Your progress: ${done.length} of ${exercises.length} exercises done`),
  )
  for (const lesson of curriculum.filter((entry) =>
    exercises.some((exercise) => exercise.lesson === entry.number),
  )) {
    console.log(`\n${bold(`Lesson ${lesson.number}`)} · ${lesson.title}`)
    for (const exercise of exercises.filter(
      (candidate) => candidate.lesson === lesson.number,
    )) {
      const state = progressOf(progress, exercise.id)
      const hints =
        state.hintsShown > 0
          ? `, ${state.hintsShown} hint${state.hintsShown > 1 ? 's' : ''}`
          : ''
      const [status, text] = state.done
        ? [mark.done, `done${hints}`]
        : state.checkedAt
          ? [
              mark.failing,
              `${state.passed} of ${state.total} checks passed last time${hints}`,
            ]
          : [mark.untouched, `not checked yet${hints}`]
      console.log(
        `  ${status} ${exercise.id}  ${exercise.title.padEnd(52)} ${dim(text)}`,
      )
    }
  }
  const next = nextExercise(progress)
  console.log(
    next
      ? `\nNext: ${cyan(`npm run verify ${next.id}`)} (${next.file})`
      : `\n${bold('Every exercise is done.')}`,
  )
  console.log(dim(`Progress is kept in ${stateFile}.`))
})
