/** `npm run hint 12-1` shows the next hint of an exercise (the current one without an id); `-- --all` repeats those shown. */
import { parseArgs } from 'node:util'
import { runCommand } from './command.ts'
import { exercises, findExercise } from './exercises.ts'
import { readHints } from './hints.ts'
import {
  nextExercise,
  progressOf,
  readProgress,
  updateProgress,
} from './state.ts'
import { bold, cyan, dim } from './style.ts'

await runCommand(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { all: { type: 'boolean', default: false } },
  })
  const progress = readProgress()
  const exercise = positionals[0]
    ? findExercise(positionals[0])
    : (nextExercise(progress) ?? exercises.at(-1)!)
  const hints = readHints(exercise)
  const alreadyShown = progressOf(progress, exercise.id).hintsShown
  const shown = values.all
    ? Math.max(alreadyShown, 1)
    : Math.min(alreadyShown + 1, hints.length)
  if (shown !== alreadyShown)
    updateProgress(exercise.id, (current) => ({
      ...current,
      hintsShown: shown,
    }))

  console.log(
    `${bold(`Exercise ${exercise.id}`)} · ${exercise.title} · ${cyan(exercise.file)}`,
  )
  for (let index = values.all ? 0 : shown - 1; index < shown; index++)
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
        `That was the last hint. The reference solution is ${exercise.solution}; npm run verify ${exercise.id} -- --solution checks it.`,
      ),
    )
})
