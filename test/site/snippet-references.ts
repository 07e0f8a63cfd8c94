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

export { regionText } from '../../.vitepress/snippets.ts'
