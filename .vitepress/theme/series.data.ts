import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { defineLoader } from 'vitepress'
import { root, workbookJson } from '../workbook.ts'

export interface SeriesLesson {
  number: number
  title: string
  teaches: string
  /** Set only when the lesson has a page, so the map never links to a missing one. */
  link?: string
}

export interface SeriesPhase {
  title: string
  lessons: SeriesLesson[]
}

declare const data: SeriesPhase[]
export { data }

// The series as the workbook's runner knows it (`npm run lesson` lists the same).
const PRINT_CURRICULUM = `
  import { curriculum } from './tools/workbook/curriculum.ts'
  console.log(JSON.stringify(curriculum.map(({ number, title, teaches, phase }) => ({ number, title, teaches, phase }))))
`

/** A lesson's page is `docs/lessons/NN-name.md`, such as `12-sqlite.md`. */
function lessonLink(number: number, pages: string[]): string | undefined {
  const page = pages.find(
    (file) =>
      file.startsWith(`${String(number).padStart(2, '0')}-`) &&
      file.endsWith('.md'),
  )
  return page && `/lessons/${page.replace(/\.md$/, '')}`
}

export default defineLoader({
  watch: ['../../docs/lessons/*.md', '../../tools/workbook/curriculum.ts'],
  async load(): Promise<SeriesPhase[]> {
    const curriculum =
      await workbookJson<(Omit<SeriesLesson, 'link'> & { phase: string })[]>(
        PRINT_CURRICULUM,
      )
    const pages = readdirSync(join(root, 'docs/lessons'))
    const phases: SeriesPhase[] = []
    for (const { number, title, teaches, phase } of curriculum) {
      if (phases.at(-1)?.title !== phase)
        phases.push({ title: phase, lessons: [] })
      phases.at(-1)!.lessons.push({
        number,
        title,
        teaches,
        link: lessonLink(number, pages),
      })
    }
    return phases
  },
})
