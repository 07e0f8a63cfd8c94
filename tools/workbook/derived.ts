/**
 * Answers made from a reference solution: its pristine stub, and its known mistakes. They are written into
 * `.workbook/derived/` (inside the workbook, so they import `eventsource-ts` as every lesson does; git
 * ignores it), with their relative imports moved, and checked there: never the learner's own files.
 */
import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Exercise } from './course.ts'
import type { Mistake } from './manifest.ts'
import { absolutePath, repoPath } from './paths.ts'
import { makeStub, moveImports, withoutRegions, withoutTodos } from './stub.ts'

export class StaleMistakeError extends Error {}

/** A fresh folder under .workbook/derived/, removed with `remove()`. */
export function derivedFolder(): { dir: string; remove(): void } {
  const dir = repoPath(
    absolutePath(
      join(
        '.workbook',
        'derived',
        `${process.pid}-${randomBytes(4).toString('hex')}`,
      ),
    ),
  )
  mkdirSync(absolutePath(dir), { recursive: true })
  return {
    dir,
    remove: () => rmSync(absolutePath(dir), { recursive: true, force: true }),
  }
}

const readSolution = (exercise: Exercise) =>
  readFileSync(absolutePath(exercise.solution), 'utf8')

function write(file: string, text: string): string {
  mkdirSync(dirname(absolutePath(file)), { recursive: true })
  writeFileSync(absolutePath(file), text)
  return file
}

/** The exercise's pristine stub, as it reads at `file` (relative to the repository). */
export function stubOf(
  exercise: Exercise,
  file = exercise.file,
): Promise<string> {
  return makeStub(readSolution(exercise), exercise.solution, file)
}

/** Whether the learner's file is the exercise's untouched stub (not when it is missing). */
export async function isUntouchedStub(exercise: Exercise): Promise<boolean> {
  const file = absolutePath(exercise.file)
  return (
    existsSync(file) && readFileSync(file, 'utf8') === (await stubOf(exercise))
  )
}

/** The reference solution as the learner's file would hold it: without its markers, its imports moved. */
export function solutionAt(exercise: Exercise, file = exercise.file): string {
  return moveImports(
    withoutRegions(withoutTodos(readSolution(exercise), exercise.solution)),
    exercise.solution,
    file,
  )
}

/** Writes the exercise's pristine stub at `file` (relative to the repository) and returns the path. */
export async function writeStub(
  exercise: Exercise,
  file: string,
): Promise<string> {
  return write(file, await stubOf(exercise, file))
}

/** The solution with the mistake made in it; each `find` must occur exactly once. */
export function applyMistake(exercise: Exercise, mistake: Mistake): string {
  let source = readSolution(exercise)
  for (const [find, replaceWith] of mistake.replace) {
    const count = source.split(find).length - 1
    if (count !== 1) {
      throw new StaleMistakeError(
        `${exercise.mistakes}: mistake "${mistake.name}" looks for ${JSON.stringify(find)}, ` +
          `which ${exercise.solution} has ${count === 0 ? 'nowhere' : `${count} times`}: it must have it once.`,
      )
    }
    source = source.replace(find, () => replaceWith)
  }
  return source
}

/** Writes the solution with `mistake` made in it, in `dir`, and returns the path. */
export function writeMistake(
  exercise: Exercise,
  mistake: Mistake,
  dir: string,
): string {
  const file = join(dir, exercise.id, mistake.name, basename(exercise.file))
  return write(
    file,
    moveImports(applyMistake(exercise, mistake), exercise.solution, file),
  )
}
