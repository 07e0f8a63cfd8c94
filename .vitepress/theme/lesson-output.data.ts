import { defineLoader } from 'vitepress'
import { capture, workbookJson } from '../workbook.ts'

/** What one lesson section printed when the site was built, and the command that prints it. */
export interface SectionOutput {
  command: string
  output: string
}

/** Keyed by `"<lesson>/<section>"`, such as `"12/in-memory"`. */
declare const data: Record<string, SectionOutput>
export { data }

// Every section of every available lesson, as the workbook's runner knows them.
const LIST_SECTIONS = `
  import { availableLessons } from './tools/workbook/curriculum.ts'
  const lessons = await Promise.all(availableLessons.map((entry) => entry.load()))
  console.log(JSON.stringify(lessons.map((lesson) => ({ number: lesson.number, sections: lesson.sections.map((section) => section.name) }))))
`

/** The lines a section printed: after the runner's section heading, without its closing summary line. */
function sectionLines(output: string, section: string): string {
  const lines = output.trimEnd().split('\n')
  const heading = lines.findIndex((line) => line.includes(`(--section ${section})`))
  if (heading < 0) throw new Error(`The lesson runner's output has no heading for section "${section}":\n${output}`)
  const body = lines.slice(heading + 1)
  if (/^✓ .* ran in /.test(body.at(-1) ?? '')) body.pop()
  return body.join('\n').trimEnd()
}

export default defineLoader({
  watch: ['../../lessons/**/*.ts', '../../tools/workbook/**/*.ts', '../../src/**/*.ts'],
  async load(): Promise<Record<string, SectionOutput>> {
    const lessons = await workbookJson<{ number: number; sections: string[] }[]>(LIST_SECTIONS)
    const outputs: Record<string, SectionOutput> = {}
    // One section at a time, each in its own process, exactly as `npm run lesson N -- --section <name>` runs it.
    for (const { number, sections } of lessons) {
      for (const section of sections) {
        const args = ['lesson', String(number), '--', '--section', section]
        const printed = await capture('npm', ['run', '--silent', ...args])
        outputs[`${number}/${section}`] = { command: `npm run ${args.join(' ')}`, output: sectionLines(printed, section) }
      }
    }
    return outputs
  },
})
