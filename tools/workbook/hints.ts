/**
 * An exercise's hints: a markdown file with one `## Hint N` section a step, smallest nudge first. Code in a
 * hint is a fenced ```ts block that type-checks (the course tests check it): what it needs but does not
 * show, it declares above a `// ---cut---` line, which the terminal does not print.
 */
import { readFileSync } from 'node:fs'
import type { Exercise } from './course.ts'
import { absolutePath } from './paths.ts'
import { cyan } from './style.ts'

const FENCE = /^```(\w*)\n([\s\S]*?)^```$/gm
const CUT = /^[\s\S]*?^\/\/ ---cut---\n/m

function sections(exercise: Exercise): string[] {
  return readFileSync(absolutePath(exercise.hints), 'utf8')
    .split(/^## Hint \d+\s*$/m)
    .slice(1)
    .map((hint) => hint.trim())
}

/** The hints as a terminal shows them: code indented, without what is above its cut. */
export function readHints(exercise: Exercise): string[] {
  return sections(exercise).map((hint) =>
    hint.replace(FENCE, (_, _lang: string, code: string) =>
      code
        .replace(CUT, '')
        .trimEnd()
        .split('\n')
        .map((line) => `    ${cyan(line)}`)
        .join('\n'),
    ),
  )
}

/** Every TypeScript block of the hints, whole, with the hint it is in (1-based). */
export function hintCode(exercise: Exercise): { hint: number; code: string }[] {
  return sections(exercise).flatMap((hint, index) =>
    [...hint.matchAll(FENCE)]
      .filter(([, lang]) => lang === 'ts')
      .map(([, , code]) => ({ hint: index + 1, code: code! })),
  )
}
