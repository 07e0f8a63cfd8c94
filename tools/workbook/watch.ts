/**
 * Rustlings' watch mode: checks one exercise each time a file it uses is saved, and clears the screen
 * before each run. It starts at the first exercise whose file fails (it checks the files, not the progress
 * recorded), and never exits on its own. On a terminal it takes keys: h hint, n next, l list, r re-run,
 * q quit. Without one (piped), it moves on by itself once an exercise passes.
 */
import { existsSync } from 'node:fs'
import { emitKeypressEvents } from 'node:readline'
import { passed, runChecks, watchChecks, type AnswerReport } from './checks.ts'
import { recordResult } from './conclude.ts'
import type { Exercise } from './course.ts'
import { isUntouchedStub } from './derived.ts'
import { absolutePath } from './paths.ts'
import { readHints } from './hints.ts'
import { mark, printHeader, printReport, summary } from './report.ts'
import { progressOf, readProgress, updateProgress } from './state.ts'
import { bold, cyan, dim, green, red } from './style.ts'
import { typeCheckerInWorker, type TypeCheckerWorker } from './typecheck.ts'

const KEYS = `${bold('h')} hint · ${bold('n')} next · ${bold('l')} list · ${bold('r')} re-run · ${bold('q')} quit`

interface Watcher {
  rerun(): Promise<void>
  close(): Promise<void>
}

/** The learner's file, or the solution with --solution. */
const answerOf = (exercise: Exercise, solution: boolean) =>
  solution ? exercise.solution : exercise.file

export async function watch(
  exercises: readonly Exercise[],
  start: Exercise | undefined,
  solution: boolean,
): Promise<void> {
  const interactive = process.stdin.isTTY === true
  const types = typeCheckerInWorker()
  const first = start ?? (await firstFailing(exercises, solution, types))
  let index = exercises.indexOf(first ?? exercises.at(-1)!)
  let watcher: Watcher | undefined
  let last: AnswerReport | undefined
  let switching = Promise.resolve()

  const show = (report: AnswerReport) => {
    last = report
    const exercise = exercises[index]!
    console.clear()
    printHeader(
      exercise,
      report.file,
      solution ? 'Reference solution' : 'Your file',
    )
    printReport(report)
    if (!solution) recordResult(report)
    console.log(`\n${summary(report)}`)
    const ok = passed(report)
    const more = index < exercises.length - 1
    if (ok && !interactive && more) {
      void moveTo(index + 1)
      return
    }
    if (ok && !more)
      console.log(
        green(bold('Every exercise up to the last passes. Well done!')),
      )
    else if (ok)
      console.log(
        `Press ${bold('n')} for the next exercise, ${exercises[index + 1]!.id}.`,
      )
    console.log(dim(`\nWatching ${report.file}: save it to check again.`))
    console.log(interactive ? KEYS : dim('Ctrl+C stops.'))
  }

  const moveTo = (next: number) => {
    index = Math.min(Math.max(next, 0), exercises.length - 1)
    switching = switching
      .then(async () => {
        await watcher?.close()
        const exercise = exercises[index]!
        watcher = await watchChecks(
          new Map([[exercise, [answerOf(exercise, solution)]]]),
          types,
          ([report]) => show(report!),
        )
      })
      .catch((error: unknown) => {
        console.error(red(`The checks could not start: ${String(error)}`))
      })
    return switching
  }

  const list = () => {
    const progress = readProgress()
    console.log(`\n${bold('Exercises')}`)
    exercises.forEach((exercise, at) => {
      const state = progressOf(progress, exercise.id)
      const status = state.done
        ? mark.done
        : state.checkedAt
          ? mark.failing
          : mark.untouched
      const here = at === index ? cyan(' ← watching') : ''
      console.log(`  ${status} ${exercise.id}  ${exercise.title}${here}`)
    })
  }

  const hint = () => {
    const exercise = exercises[index]!
    const hints = readHints(exercise)
    const shown = Math.min(
      progressOf(readProgress(), exercise.id).hintsShown + 1,
      hints.length,
    )
    updateProgress(exercise.id, (current) => ({
      ...current,
      hintsShown: shown,
    }))
    console.log(
      `\n${bold(`Hint ${shown} of ${hints.length}`)}\n${hints[shown - 1]}`,
    )
  }

  await moveTo(index)
  await new Promise<void>((resolve) => {
    const quit = () => {
      if (interactive) process.stdin.setRawMode(false)
      process.stdin.pause()
      void switching
        .then(() => watcher?.close())
        .then(() => types.close())
        .then(resolve)
    }
    process.once('SIGINT', quit)
    if (!interactive) return
    emitKeypressEvents(process.stdin)
    process.stdin.setRawMode(true)
    process.stdin.on(
      'keypress',
      (_text: string, key: { name?: string; ctrl?: boolean }) => {
        if (key.name === 'q' || (key.ctrl && key.name === 'c')) quit()
        else if (key.name === 'h') hint()
        else if (key.name === 'n') void moveTo(index + 1)
        else if (key.name === 'l') list()
        else if (key.name === 'r') void switching.then(() => watcher?.rerun())
        else if (last) console.log(dim(KEYS))
      },
    )
  })
}

/** The first exercise whose file fails its checks now, whatever the recorded progress says. */
async function firstFailing(
  exercises: readonly Exercise[],
  solution: boolean,
  types: TypeCheckerWorker,
): Promise<Exercise | undefined> {
  // A file that is still its untouched stub fails (the course's tests prove that every stub does), so
  // only the exercises before the first such file need their checks run: those the learner worked on.
  const untouched = solution ? undefined : await firstUntouched(exercises)
  const worked = exercises.slice(
    0,
    untouched ? exercises.indexOf(untouched) : undefined,
  )
  if (worked.length > 0) {
    console.log(
      dim('Checking the exercises you worked on to find where you are…'),
    )
    const reports = await runChecks(
      new Map(
        worked.map((exercise) => [exercise, [answerOf(exercise, solution)]]),
      ),
      types,
    )
    const failing = reports.find((report) => !passed(report))
    if (failing) return failing.exercise
  }
  return untouched
}

async function firstUntouched(
  exercises: readonly Exercise[],
): Promise<Exercise | undefined> {
  for (const exercise of exercises) {
    // A missing file fails too.
    if (
      !existsSync(absolutePath(exercise.file)) ||
      (await isUntouchedStub(exercise))
    )
      return exercise
  }
  return undefined
}
