import { join } from 'node:path'
import type { UserConfig } from 'vitepress'
import { root, workbookJson } from './workbook.ts'

/** A plugin of the Vite that VitePress runs (its own, not the workbook's, which vitest uses). */
type Plugin = Extract<
  NonNullable<NonNullable<UserConfig['vite']>['plugins']>[number],
  { name: string }
>

const ID = 'virtual:workbook-sections'
const RESOLVED = `\0${ID}`

// Every section of every lesson, with its file and whether a browser can run it.
const LIST_SECTIONS = `
  import { loadCourse } from './tools/workbook/course.ts'
  const { lessons } = await loadCourse()
  console.log(JSON.stringify(lessons.flatMap((lesson) => lesson.sections.map((section) => ({
    key: lesson.number + '/' + section.name, file: section.file, notInBrowser: section.notInBrowser,
  })))))
`

/**
 * Makes `virtual:workbook-sections` for the runner worker: a map from `"12/in-memory"` to an import of the
 * section's module, for every section a browser can run. Each is a chunk of its own, fetched on its Run.
 */
export function workbookRunner(): Plugin {
  let sections: Promise<string> | undefined
  return {
    name: 'workbook-runner',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined
      sections ??= workbookJson<
        { key: string; file: string; notInBrowser?: string }[]
      >(LIST_SECTIONS).then((all) => {
        const entries = all
          .filter((section) => !section.notInBrowser)
          .map(
            ({ key, file }) =>
              `  ${JSON.stringify(key)}: () => import(${JSON.stringify(join(root, file))}),`,
          )
        return `export default {\n${entries.join('\n')}\n}\n`
      })
      return sections
    },
  }
}
