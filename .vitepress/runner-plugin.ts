import { dirname, join, resolve } from 'node:path'
import type { UserConfig } from 'vitepress'
import {
  listSections,
  root,
  workbookJson,
  type SiteSection,
} from './workbook.ts'

/** A plugin of the Vite that VitePress runs (its own, not the workbook's, which vitest uses). */
type Plugin = Extract<
  NonNullable<NonNullable<UserConfig['vite']>['plugins']>[number],
  { name: string }
>

interface ExerciseInBrowser {
  id: string
  file: string
  check: string
  notInBrowser?: string
  stub: string
  /** What the stub and the solution import, as they write it. */
  imports: string[]
}

// Every exercise of the course, with what the page needs of each.
const LIST_EXERCISES = `
  import { loadCourse } from './tools/workbook/course.ts'
  import { solutionAt, stubOf } from './tools/workbook/derived.ts'
  const { lessons } = await loadCourse()
  const specifiers = (code) => [...code.matchAll(/^import (?!type )[^'"]*?['"]([^'"]+)['"]/gm)]
    .map((match) => match[1])
  console.log(JSON.stringify(await Promise.all(lessons.flatMap((lesson) => lesson.exercises).map(async (exercise) => {
    const stub = await stubOf(exercise)
    return {
      id: exercise.id, file: exercise.file, check: exercise.check, notInBrowser: exercise.notInBrowser,
      stub, imports: [...new Set([...specifiers(stub), ...specifiers(solutionAt(exercise))])],
    }
  }))))
`

const SECTIONS = 'virtual:workbook-sections'
const CHECKS = 'virtual:workbook-checks'
const STUBS = 'virtual:workbook-stubs'
const STUB = 'virtual:workbook-stub/'

const lazyImport = (path: string) => `() => import(${JSON.stringify(path)})`
const moduleOf = (entries: string[]) =>
  `export default {\n${entries.join('\n')}\n}\n`

/**
 * Makes the modules the site's runner loads, each entry a chunk of its own, fetched when a reader asks:
 * - `virtual:workbook-sections`: `"12/in-memory"` to the section's module, for every section a browser can
 *   run (the runner worker);
 * - `virtual:workbook-checks`: an exercise's id to its checker and to the modules an answer to it may import,
 *   by the specifiers the answer writes (the check worker);
 * - `virtual:workbook-stubs`: an exercise's id to its file's name and its untouched stub (the page's editor).
 */
export function workbookRunner(): Plugin {
  let sections: Promise<SiteSection[]> | undefined
  let exercises: Promise<ExerciseInBrowser[]> | undefined
  const runnable = async () =>
    (
      await (sections ??= listSections().then((lessons) =>
        lessons.flatMap((lesson) => lesson.sections),
      ))
    ).filter((section) => !section.notInBrowser)
  const inBrowser = async () =>
    (
      await (exercises ??= workbookJson<ExerciseInBrowser[]>(LIST_EXERCISES))
    ).filter((exercise) => !exercise.notInBrowser)
  return {
    name: 'workbook-runner',
    resolveId: (id) =>
      [SECTIONS, CHECKS, STUBS].includes(id) || id.startsWith(STUB)
        ? `\0${id}`
        : undefined,
    async load(id) {
      if (!id.startsWith('\0virtual:workbook-')) return undefined
      const name = id.slice(1)
      if (name === SECTIONS) {
        return moduleOf(
          (await runnable()).map(
            ({ key, file }) =>
              `  ${JSON.stringify(key)}: ${lazyImport(join(root, file))},`,
          ),
        )
      }
      if (name === CHECKS) {
        return moduleOf(
          (await inBrowser()).map(({ id, file, check, imports }) => {
            const from = dirname(join(root, file))
            const modules = imports.map(
              (specifier) =>
                `    ${JSON.stringify(specifier)}: ${lazyImport(
                  specifier.startsWith('.')
                    ? resolve(from, specifier)
                    : specifier,
                )},`,
            )
            return `  ${JSON.stringify(id)}: {\n    check: ${lazyImport(join(root, check))},\n    modules: {\n${modules.join('\n')}\n    },\n  },`
          }),
        )
      }
      if (name === STUBS) {
        return moduleOf(
          (await inBrowser()).map(
            ({ id }) => `  ${JSON.stringify(id)}: ${lazyImport(STUB + id)},`,
          ),
        )
      }
      const exercise = (await inBrowser()).find(
        (candidate) => STUB + candidate.id === name,
      )
      if (!exercise) throw new Error(`No exercise for ${name}.`)
      return `export default ${JSON.stringify({ file: exercise.file, stub: exercise.stub })}\n`
    },
  }
}
