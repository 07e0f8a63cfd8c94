/**
 * The learner's progress: which exercises pass, how many hints were shown. Kept in .workbook/progress.json
 * (git ignores .workbook/); WORKBOOK_STATE names another file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Exercise } from './course.ts'
import { repoRoot } from './paths.ts'

export interface ExerciseProgress {
  /** Whether the learner's file passed its last check. */
  done: boolean
  /** How many checks passed, of how many, the last time it was checked. */
  passed: number
  total: number
  checkedAt?: string
  /** When it first passed every check. */
  doneAt?: string
  hintsShown: number
}

export type Progress = Record<string, ExerciseProgress>

export const stateFile =
  process.env.WORKBOOK_STATE ?? join(repoRoot, '.workbook', 'progress.json')

const NOTHING_YET: ExerciseProgress = {
  done: false,
  passed: 0,
  total: 0,
  hintsShown: 0,
}

export function readProgress(): Progress {
  let text: string
  try {
    text = readFileSync(stateFile, 'utf8')
  } catch {
    return {} // no progress yet
  }
  try {
    const parsed: unknown = JSON.parse(text)
    return parsed !== null &&
      typeof parsed === 'object' &&
      !Array.isArray(parsed)
      ? (parsed as Progress)
      : {}
  } catch {
    console.warn(
      `${stateFile} is not valid JSON; starting your progress afresh.`,
    )
    return {}
  }
}

export function progressOf(progress: Progress, id: string): ExerciseProgress {
  return { ...NOTHING_YET, ...progress[id] }
}

/** Changes one exercise's progress and saves the file (written whole, then renamed, so it is never half-written). */
export function updateProgress(
  id: string,
  change: (current: ExerciseProgress) => ExerciseProgress,
): ExerciseProgress {
  const progress = readProgress()
  const next = change(progressOf(progress, id))
  progress[id] = next
  mkdirSync(dirname(stateFile), { recursive: true })
  const temporary = `${stateFile}.${process.pid}.tmp`
  writeFileSync(temporary, `${JSON.stringify(progress, null, 2)}\n`)
  renameSync(temporary, stateFile)
  return next
}

/** The first of `exercises` not done yet, by the progress recorded: where the learner left off. */
export function nextExercise(
  exercises: readonly Exercise[],
  progress: Progress = readProgress(),
): Exercise | undefined {
  return exercises.find((exercise) => !progressOf(progress, exercise.id).done)
}
