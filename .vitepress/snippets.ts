import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import type { MarkdownRenderer } from 'vitepress'
import { withoutTodos } from '../tools/workbook/stub.ts'
import { findRegion, regionText as regionLines } from './regions.ts'
import { regionRequest } from './twoslash-regions.ts'

/** A file's lines as the site shows them: a solution's stub markers and TODO lines are not. */
function fileLines(source: string): string[] {
  return withoutTodos(source.replace(/\r\n/g, '\n')).split('\n')
}

/** A region's text as the site shows it: without marker lines, dedented. Undefined when the file lacks it. */
export function regionText(source: string, name: string): string | undefined {
  return regionLines(fileLines(source), name)
}

/**
 * The text Twoslash checks for a snippet: the whole file, beside the real one, so its imports and
 * declarations type-check as they do for tsc, with the region to show (see twoslash-regions.ts).
 *
 * The copy gets a name of its own because Twoslash leaves each checked file behind, emptied, in the
 * compiler it shares between blocks: under the real name it would hide the real file from later blocks
 * that import it.
 */
export function twoslashSource(
  path: string,
  source: string,
  regionName: string | undefined,
): string {
  const header = `// @filename: ${path.replace(/(\.[cm]?tsx?)$/, '.twoslash$1')}`
  return regionRequest(regionName, [header, ...fileLines(source)].join('\n'))
}

interface SnippetToken {
  info: string
  content: string
  /** Set by VitePress's snippet import (`<<< file#region`): the resolved path and the region name. */
  src?: [file: string, region?: string]
}

const TYPESCRIPT = /^(ts|tsx|typescript)\b/

/**
 * Makes snippet imports strict and type-checked. A missing file or region fails the build (VitePress
 * would show an error text or the whole file), and a TypeScript snippet goes to Twoslash as the whole
 * file with only the region shown, so its imports resolve and its hovers are real.
 */
export function strictSnippets(md: MarkdownRenderer, root: string): void {
  const render = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index] as unknown as SnippetToken
    let section: string | undefined
    if (token.src) {
      section = sectionOf(relative(root, token.src[0]))
      const [file, regionName] = token.src
      const where = `docs/${env.relativePath}: <<< ${relative(root, file)}${regionName ? `#${regionName}` : ''}`
      let source: string
      try {
        source = readFileSync(file, 'utf8')
      } catch {
        throw new Error(`${where}: the snippet file does not exist.`)
      }
      if (regionName && !findRegion(source.split(/\r?\n/), regionName)) {
        throw new Error(
          `${where}: the file has no "// #region ${regionName}" … "// #endregion ${regionName}".`,
        )
      }
      if (TYPESCRIPT.test(token.info.trim())) {
        token.content = twoslashSource(relative(root, file), source, regionName)
        token.src = undefined
        ;(env.includes as string[] | undefined)?.push(file)
      }
    }
    const html = render(tokens, index, options, env, self)
    // A block of a lesson section can run in the page: RunnableCode gives it its Run button.
    return section
      ? `<RunnableCode section="${section}">\n${html}\n</RunnableCode>\n`
      : html
  }
}

/** `"12/in-memory"` for `lessons/12-sqlite/sections/in-memory.ts`; undefined for any other file. */
function sectionOf(file: string): string | undefined {
  const match = /^lessons\/(\d{2})-[^/]+\/sections\/([\w-]+)\.ts$/.exec(file)
  return match ? `${Number(match[1])}/${match[2]}` : undefined
}
