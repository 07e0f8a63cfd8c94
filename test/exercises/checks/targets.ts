/**
 * Which answers a checker checks. By default the learner's file; `npm run verify -- --solution` and the
 * exercise tests name others in WORKBOOK_TARGETS (JSON: exercise id to a list of paths). Each answer is
 * checked in a describe block of its own, named by its path.
 */
import { findExercise } from '../../../tools/workbook/exercises.ts'
import { absolutePath, repoPath } from '../../../tools/workbook/paths.ts'

// Deep enough that an error thrown inside the library still shows the line of the answer that led to it.
Error.stackTraceLimit = 50

export interface CheckTarget {
  /** The path relative to the repository: the name of the target's describe block. */
  label: string
  file: string
}

export function checkTargets(exerciseId: string): CheckTarget[] {
  const chosen: Record<string, string[]> = JSON.parse(
    process.env.WORKBOOK_TARGETS ?? '{}',
  )
  const paths = chosen[exerciseId] ?? [findExercise(exerciseId).file]
  return paths.map((path) => ({
    label: repoPath(absolutePath(path)),
    file: absolutePath(path),
  }))
}

/** Imports an answer. A file that does not load is reported by a failing check, not a crash. */
export async function importTarget<M>(
  target: CheckTarget,
): Promise<{ module: M } | { error: unknown }> {
  try {
    return { module: (await import(target.file)) as M }
  } catch (error) {
    return { error }
  }
}
