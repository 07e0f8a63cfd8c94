import { defineLoader } from 'vitepress'
import { capture, listSections } from '../workbook.ts'

/** What one lesson section printed when the site was built, and the command that runs that section alone. */
export interface SectionOutput {
  command: string
  output: string
  /** Why the section cannot run in the reader's browser, when it cannot; else it gets a Run button. */
  notInBrowser?: string
}

/** Keyed by `"<lesson>/<section>"`, such as `"12/in-memory"`. */
declare const data: Record<string, SectionOutput>
export { data }

/**
 * Splits what `npm run lesson N` printed into its sections. The runner prints each section under a heading
 * that ends in `(--section <name>)`, and closes with a summary line that starts with `✓` and says how long
 * it ran.
 */
function splitSections(
  output: string,
  sections: readonly string[],
): Map<string, string> {
  const lines = output.split('\n')
  const headings = sections.map((section) => {
    const index = lines.findIndex((line) =>
      line.endsWith(`(--section ${section})`),
    )
    if (index < 0)
      throw new Error(
        `The lesson runner printed no heading for section "${section}":\n${output}`,
      )
    return index
  })
  const summary = lines.findLastIndex((line) => /^✓ .* ran in /.test(line))
  return new Map(
    sections.map((section, i) => {
      const end = headings[i + 1] ?? (summary < 0 ? lines.length : summary)
      // Blank lines around a section go; leading spaces stay (the configuration table is aligned with them).
      return [
        section,
        lines
          .slice(headings[i]! + 1, end)
          .join('\n')
          .replace(/^(\s*\n)+|\s+$/g, ''),
      ]
    }),
  )
}

export default defineLoader({
  watch: [
    '../../lessons/**/*.ts',
    '../../tools/workbook/**/*.ts',
    '../../src/**/*.ts',
  ],
  async load(): Promise<Record<string, SectionOutput>> {
    const lessons = await listSections()
    const outputs: Record<string, SectionOutput> = {}
    // The whole lesson, as a learner runs it: every section, in order, in one process.
    for (const { number, sections } of lessons) {
      const printed = await capture('npm', [
        'run',
        '--silent',
        'lesson',
        String(number),
      ])
      const names = sections.map((section) => section.name)
      for (const [name, output] of splitSections(printed, names)) {
        const { key, notInBrowser } = sections.find((s) => s.name === name)!
        outputs[key] = {
          command: `npm run lesson ${number} -- --section ${name}`,
          output,
          ...(notInBrowser ? { notInBrowser } : {}),
        }
      }
    }
    return outputs
  },
})
