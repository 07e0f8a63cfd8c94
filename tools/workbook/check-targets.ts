/**
 * For checkers: which answers to check. By default the learner's file; `npm run verify -- --solution` and
 * the course tests name others in WORKBOOK_TARGETS (JSON: exercise id to a list of paths). Each answer is
 * checked in a describe block of its own, named by its path.
 */
import { findExercise } from './course.ts'
import { absolutePath, repoPath } from './paths.ts'

// Deep enough that an error thrown inside the library still shows the line of the answer that led to it.
Error.stackTraceLimit = 50

export interface CheckTarget {
  /** The path relative to the repository: the name of the target's describe block. */
  label: string
  file: string
}

export async function checkTargets(exerciseId: string): Promise<CheckTarget[]> {
  const chosen = JSON.parse(process.env.WORKBOOK_TARGETS ?? '{}') as Record<
    string,
    string[]
  >
  const paths = chosen[exerciseId] ?? [(await findExercise(exerciseId)).file]
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

export { quoted } from './quoted.ts'
