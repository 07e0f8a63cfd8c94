import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const docsDir = join(root, 'docs')

/** One `<<< @/path#region{lang}` line of a page. */
export interface SnippetReference {
  page: string
  /** Relative to the repository. */
  file: string
  region: string | undefined
}

const SNIPPET =
  /^\s*<<<\s*@\/(\S+?)(?:#([\w-]+))?(?:\s*\{[^}]*\})?(?:\s*\[[^\]]*\])?\s*$/gm

/** Every Markdown page of the site, relative to `docs/`. */
export function pages(dir = docsDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'public' ? [] : pages(path)
    return entry.name.endsWith('.md') ? [relative(docsDir, path)] : []
  })
}

export function snippetReferences(page: string): SnippetReference[] {
  const markdown = readFileSync(join(docsDir, page), 'utf8')
  return [...markdown.matchAll(SNIPPET)].map(([, path, region]) => ({
    page,
    file: relative(root, resolve(docsDir, path!)),
    region,
  }))
}

/**
 * A region's text as the site shows it: the lines between `// #region name` and `// #endregion name`,
 * without marker lines, dedented. Undefined when the file lacks the pair.
 */
export function regionText(source: string, region: string): string | undefined {
  const lines = source.split(/\r?\n/)
  const marker = (kind: string) => (line: string) =>
    new RegExp(`^//\\s?#?${kind} ${region}$`).test(line.trim())
  const start = lines.findIndex(marker('region'))
  const end = lines.findIndex(
    (line, index) => index > start && marker('endregion')(line),
  )
  if (start < 0 || end < 0) return undefined
  const body = lines
    .slice(start + 1, end)
    .filter((line) => !/^\/\/\s?#?(end)?region\b/.test(line.trim()))
  const indent = Math.min(
    ...body
      .filter((line) => line.trim() !== '')
      .map((line) => line.length - line.trimStart().length),
  )
  return body
    .map((line) => line.slice(Number.isFinite(indent) ? indent : 0))
    .join('\n')
}
