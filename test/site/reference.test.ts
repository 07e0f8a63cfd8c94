import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { docsDir, root } from './snippet-references.ts'

/** The names a module exports, read from its `export { … } from` lines. */
function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(root, file), 'utf8'),
    ts.ScriptTarget.Latest,
  )
  return source.statements.flatMap((statement) =>
    ts.isExportDeclaration(statement) &&
    statement.exportClause &&
    ts.isNamedExports(statement.exportClause)
      ? statement.exportClause.elements.map((element) => element.name.text)
      : [],
  )
}

describe('the library reference page', () => {
  const reference = readFileSync(join(docsDir, 'reference.md'), 'utf8')

  it.each(['src/index.ts', 'src/testing/index.ts'])(
    'documents every export of %s',
    (file) => {
      const names = exportedNames(file)
      expect(names.length).toBeGreaterThan(0)
      const undocumented = names.filter(
        (name) => !new RegExp(`\`${name}(?![\\w])`).test(reference),
      )
      expect(
        undocumented,
        'exports the reference page does not mention in code',
      ).toEqual([])
    },
  )
})
