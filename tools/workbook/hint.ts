/**
 * `npm run hint 12-1` shows the next hint of an exercise (of the current one, without an id); `-- --all`
 * repeats those shown; `-- --solution` names the reference solution, for when every hint was not enough.
 */
import { commandLine, runCommand } from './command.ts'
import { findExercise, loadCourse } from './course.ts'
import { readHints } from './hints.ts'
import {
  nextExercise,
  progressOf,
  readProgress,
  updateProgress,
} from './state.ts'
import { bold, cyan, dim } from './style.ts'

await runCommand(async () => {
  const { positionals, flags } = commandLine('hint', {
    flags: ['all', 'solution'],
  })
  const progress = readProgress()
  const exercise = positionals[0]
    ? await findExercise(positionals[0])
    : nextExercise((await loadCourse()).exercises, progress)
  if (!exercise) {
    console.log('Every exercise is done, so there is nothing to hint at.')
    console.log(
      dim(
        'npm run hint <exercise> shows the hints of one, such as npm run hint 12-1.',
      ),
    )
    return
  }
  console.log(
    `${bold(`Exercise ${exercise.id}`)} · ${exercise.title} · ${cyan(exercise.file)}`,
  )
  if (flags.solution) {
    console.log(
      `\nThe reference solution (a spoiler) is ${cyan(exercise.solution)}.`,
    )
    console.log(dim(`npm run verify ${exercise.id} -- --solution checks it.`))
    return
  }
  const hints = readHints(exercise)
  const alreadyShown = progressOf(progress, exercise.id).hintsShown
  const shown = flags.all
    ? Math.max(alreadyShown, 1)
    : Math.min(alreadyShown + 1, hints.length)
  if (shown !== alreadyShown)
    updateProgress(exercise.id, (current) => ({
      ...current,
      hintsShown: shown,
    }))
  for (let index = flags.all ? 0 : shown - 1; index < shown; index++)
    console.log(
      `\n${bold(`Hint ${index + 1} of ${hints.length}`)}\n${hints[index]}`,
    )
  console.log('')
  if (shown < hints.length)
    console.log(
      dim(
        `Still stuck? Run npm run hint ${exercise.id} again for hint ${shown + 1}. Earlier hints: npm run hint ${exercise.id} -- --all`,
      ),
    )
  else
    console.log(
      dim(
        `That was the last hint. npm run hint ${exercise.id} -- --solution names the reference solution (a spoiler).`,
      ),
    )
})
