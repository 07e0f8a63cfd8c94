import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  docsDir,
  pages,
  regionText,
  root,
  snippetReferences,
} from './snippet-references.ts'

const references = pages().flatMap(snippetReferences)
// The workbook's own pages; guides (docs/guide/) may also quote the library, and any TypeScript they show is
// type-checked by the build like every other block.
const workbookPages = pages().filter((page) => !page.startsWith('guide/'))

describe('the code the site shows', () => {
  it('is imported from the lessons and solutions, by named region', () => {
    expect(references.length).toBeGreaterThan(0)
    const elsewhere = workbookPages
      .flatMap(snippetReferences)
      .filter(({ file }) => !/^(lessons|solutions)\//.test(file))
    expect(elsewhere, 'snippets must come from lessons/ or solutions/').toEqual(
      [],
    )
  })

  // VitePress 1.x shows the whole file when a region name is wrong, and an error text when the file is missing.
  it.each(
    references.map(
      (reference) =>
        [
          `${reference.page}: ${reference.file}#${reference.region ?? ''}`,
          reference,
        ] as const,
    ),
  )('%s exists', (_, { file, region }) => {
    expect(existsSync(join(root, file)), `${file} does not exist`).toBe(true)
    if (region === undefined) return
    const text = regionText(readFileSync(join(root, file), 'utf8'), region)
    expect(
      text,
      `${file} has no "// #region ${region}" … "// #endregion ${region}"`,
    ).toBeDefined()
    expect(text!.trim(), `region ${region} of ${file} is empty`).not.toBe('')
  })

  it('has no code blocks written into the pages, only shell commands', () => {
    const written = workbookPages.flatMap((page) =>
      [...readFileSync(join(docsDir, page), 'utf8').matchAll(/^\s*```(\S*)/gm)]
        .map(([, lang]) => lang!)
        .filter((lang, index) => index % 2 === 0 && lang !== 'bash')
        .map((lang) => `${page}: a \`\`\`${lang || '(no language)'} block`),
    )
    expect(written).toEqual([])
  })
})
