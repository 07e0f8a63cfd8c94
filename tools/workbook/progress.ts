/** `npm run progress`: which exercises are done, which are under way, and what to do next. */
import { runCommand } from './command.ts'
import { loadCourse } from './course.ts'
import { mark } from './report.ts'
import { nextExercise, progressOf, readProgress, stateFile } from './state.ts'
import { bold, cyan, dim } from './style.ts'

await runCommand(async () => {
  const { lessons, exercises } = await loadCourse()
  const progress = readProgress()
  const done = exercises.filter(
    (exercise) => progressOf(progress, exercise.id).done,
  )
  console.log(
    bold(`Your progress: ${done.length} of ${exercises.length} exercises done`),
  )
  // Titles padded to the longest, so every status starts in one column.
  const width = Math.max(...exercises.map((exercise) => exercise.title.length))
  for (const lesson of lessons.filter(
    (candidate) => candidate.exercises.length > 0,
  )) {
    console.log(`\n${bold(`Lesson ${lesson.number}`)} · ${lesson.title}`)
    for (const exercise of lesson.exercises) {
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
        `  ${status} ${exercise.id}  ${exercise.title.padEnd(width)} ${dim(text)}`,
      )
    }
  }
  const next = nextExercise(exercises, progress)
  console.log(
    next
      ? `\nNext: ${cyan(`npm run verify ${next.id}`)} (${next.file})`
      : `\n${bold('Every exercise is done.')}`,
  )
  console.log(
    dim(
      `Progress is kept in ${stateFile}; npm run verify checks your files again.`,
    ),
  )
})
