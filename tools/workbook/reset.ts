/**
 * `npm run reset 12-1` puts an exercise's untouched stub back in place of the learner's file, after asking
 * (or at once with `-- --force`). The learner's version is kept in .workbook/backups/, so nothing is lost.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { commandLine, runCommand, UsageError } from './command.ts'
import { findExercise, type Exercise } from './course.ts'
import { isUntouchedStub, writeStub } from './derived.ts'
import { absolutePath, learnerPath, repoPath } from './paths.ts'
import { updateProgress } from './state.ts'
import { cyan, dim, green } from './style.ts'

const USAGE =
  'Usage: npm run reset <exercise> [-- --force], such as npm run reset 12-1'

async function confirmed(exercise: Exercise, force: boolean): Promise<boolean> {
  if (force) return true
  if (!process.stdin.isTTY) {
    throw new UsageError(
      `Resetting replaces your ${exercise.file}. To do it without being asked: npm run reset ${exercise.id} -- --force`,
    )
  }
  const prompt = createInterface({
    input: process.stdin,
    output: process.stdout,
  })
  const answer = await prompt.question(
    `Replace ${cyan(exercise.file)} with the untouched stub? Your version is kept in .workbook/backups/. [y/N] `,
  )
  prompt.close()
  return /^y(es)?$/i.test(answer.trim())
}

/** Copies the learner's file into .workbook/backups/, stamped with the time, and returns where. */
function backUp(exercise: Exercise): string {
  const dir = absolutePath(learnerPath(join('.workbook', 'backups')))
  mkdirSync(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const backup = join(dir, `${stamp}-${basename(exercise.file)}`)
  copyFileSync(absolutePath(exercise.file), backup)
  return repoPath(backup)
}

await runCommand(async () => {
  const { positionals, flags } = commandLine('reset', { flags: ['force'] })
  if (positionals.length !== 1) throw new UsageError(USAGE)
  const exercise = await findExercise(positionals[0]!)
  if (await isUntouchedStub(exercise)) {
    console.log(
      `${exercise.file} is already the untouched stub: nothing to reset.`,
    )
    return
  }
  if (!(await confirmed(exercise, flags.force))) {
    console.log('Nothing was changed.')
    return
  }
  const backup = existsSync(absolutePath(exercise.file))
    ? backUp(exercise)
    : undefined
  await writeStub(exercise, exercise.file)
  updateProgress(exercise.id, (current) => ({ ...current, done: false }))
  console.log(`${green('✓')} ${exercise.file} is the untouched stub again.`)
  if (backup) console.log(dim(`Your version is kept in ${backup}.`))
  console.log(`Start again with ${cyan(`npm run verify ${exercise.id}`)}.`)
})
