/** The exercises, in the order a learner does them. Each has a stub to fill in, a checker, hints and a solution. */
import { UsageError } from './command.ts'

export interface Exercise {
  id: string
  lesson: number
  title: string
  /** The learner's file, relative to the repository. */
  file: string
  /** The reference solution, relative to the repository. */
  solution: string
  /** The vitest file that checks an answer (any file, chosen with WORKBOOK_TARGETS). */
  check: string
  /** Markdown, one `## Hint N` section a step. */
  hints: string
}

const lesson12 = (
  id: string,
  slug: string,
  title: string,
  extension = 'ts',
): Exercise => ({
  id,
  lesson: 12,
  title,
  file: `lessons/12-sqlite/exercises/${id}-${slug}.${extension}`,
  solution: `solutions/12-sqlite/${id}-${slug}.${extension}`,
  check: `test/exercises/checks/${id}.check.ts`,
  hints: `lessons/12-sqlite/exercises/hints/${id}.md`,
})

export const exercises: readonly Exercise[] = [
  lesson12(
    '12-1',
    'fixtures',
    'Vitest fixtures: a fresh SQLite store per test',
    'test.ts',
  ),
  lesson12(
    '12-2',
    'store-factory',
    'An environment-based store factory with clear errors',
  ),
  lesson12(
    '12-3',
    'migration',
    'A resumable batch migration, verified by a checksum',
  ),
]

export function findExercise(id: string): Exercise {
  const exercise = exercises.find((candidate) => candidate.id === id)
  if (!exercise)
    throw new UsageError(
      `There is no exercise "${id}". Exercises: ${exercises.map((e) => e.id).join(', ')}.`,
    )
  return exercise
}
