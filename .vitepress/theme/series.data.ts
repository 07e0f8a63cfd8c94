import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { defineLoader } from 'vitepress'
import { series } from '../../tools/workbook/series.ts'
import { root } from '../workbook.ts'

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
  watch: ['../../docs/lessons/*.md', '../../tools/workbook/series.ts'],
  load(): SeriesPhase[] {
    const pages = readdirSync(join(root, 'docs/lessons'))
    const phases: SeriesPhase[] = []
    for (const { number, title, teaches, phase } of series) {
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
