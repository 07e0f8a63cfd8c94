/** An exercise's hints: a markdown file with one `## Hint N` section a step, smallest nudge first. */
import { readFileSync } from 'node:fs'
import type { Exercise } from './exercises.ts'
import { absolutePath } from './paths.ts'

export function readHints(exercise: Exercise): string[] {
  const text = readFileSync(absolutePath(exercise.hints), 'utf8')
  return text
    .split(/^## Hint \d+\s*$/m)
    .slice(1)
    .map((hint) => hint.trim())
}
