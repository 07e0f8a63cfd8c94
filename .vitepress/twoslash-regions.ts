import type {
  TwoslashShikiFunction,
  TwoslashShikiReturn,
} from '@shikijs/twoslash'
import { findRegion, shownLines } from './regions.ts'

/**
 * A code block on the site is one region of a file, but Twoslash type-checks the whole file for it. A file
 * with five regions used to be checked five times; this twoslasher checks each file once and cuts every
 * region's hovers and errors out of that one result.
 *
 * The snippet plugin (snippets.ts) hands it the whole file after a first line `// @@region <name>` (or
 * `// @@region *` for the whole file). Anything else goes to Twoslash as it is.
 */
const REGION_LINE = /^\/\/ @@region (\S+)\n/

type Node = TwoslashShikiReturn['nodes'][number]

export function regionRequest(name: string | undefined, file: string): string {
  return `// @@region ${name ?? '*'}\n${file}`
}

export function regionTwoslasher(
  twoslasher: TwoslashShikiFunction,
): TwoslashShikiFunction {
  const results = new Map<string, TwoslashShikiReturn>()
  return (code, lang, options) => {
    const request = REGION_LINE.exec(code)
    if (!request) return twoslasher(code, lang, options)
    const file = code.slice(request[0].length)
    const key = `${lang}\n${JSON.stringify(options ?? {})}\n${file}`
    let result = results.get(key)
    if (!result) results.set(key, (result = twoslasher(file, lang, options)))
    return cut(result, request[1]!)
  }
}

/** The lines of `name` (`*`: all but the filename header) as the site shows them, with their nodes. */
function cut(result: TwoslashShikiReturn, name: string): TwoslashShikiReturn {
  const lines = result.code.split('\n')
  const header = lines[0]?.startsWith('// @filename:') ? 1 : 0
  const region =
    name === '*'
      ? { start: header, end: lines.length }
      : findRegion(lines, name)
  if (!region) throw new Error(`Twoslash: the file has no region "${name}"`)
  const { kept, indent } = shownLines(lines, region)
  const shown = kept.map((index) => lines[index]!.slice(indent))
  const lineStart: number[] = []
  let offset = 0
  for (const line of shown) {
    lineStart.push(offset)
    offset += line.length + 1
  }
  const newLine = new Map(kept.map((index, at) => [index, at]))
  const nodes: Node[] = []
  for (const node of result.nodes) {
    const line = newLine.get(node.line)
    if (line === undefined || node.character < indent) continue
    const character = node.character - indent
    nodes.push({
      ...node,
      line,
      character,
      start: lineStart[line]! + character,
    })
  }
  return { ...result, code: shown.join('\n'), nodes }
}
