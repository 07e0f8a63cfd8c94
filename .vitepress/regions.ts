/**
 * Regions of a lesson file: the lines between `// #region name` and `// #endregion name`, as VitePress's
 * snippet import finds them. The site shows a region without marker lines (of it or of regions inside it),
 * dedented; the snippet plugin, Twoslash's cutting and the site tests all read regions here.
 */
const MARKER = /^\/\/ ?#?((?:end)?region) ([\w*-]+)$/

/** A `// #region name` … `// #endregion name` pair. */
export interface Region {
  /** Index of the first line inside the region. */
  start: number
  /** Index of the `#endregion` line. */
  end: number
}

function marker(line: string): { kind: string; name: string } | undefined {
  const match = MARKER.exec(line.trim())
  return match ? { kind: match[1]!, name: match[2]! } : undefined
}

export function findRegion(
  lines: readonly string[],
  name: string,
): Region | undefined {
  const start = lines.findIndex(
    (line) => marker(line)?.kind === 'region' && marker(line)?.name === name,
  )
  if (start < 0) return undefined
  const end = lines.findIndex(
    (line, index) =>
      index > start &&
      marker(line)?.kind === 'endregion' &&
      marker(line)?.name === name,
  )
  return end < 0 ? undefined : { start: start + 1, end }
}

/**
 * The lines the site shows of `lines[start, end)`: their indexes, without marker lines, and the indent
 * they share, which the site takes off.
 */
export function shownLines(
  lines: readonly string[],
  { start, end }: Region,
): { kept: number[]; indent: number } {
  const kept: number[] = []
  for (let index = start; index < end; index++)
    if (!marker(lines[index]!)) kept.push(index)
  const indent = Math.min(
    ...kept
      .map((index) => lines[index]!)
      .filter((line) => line.trim() !== '')
      .map((line) => line.length - line.trimStart().length),
  )
  return { kept, indent: Number.isFinite(indent) ? indent : 0 }
}

/** A region's text as the site shows it. Undefined when the file lacks the region. */
export function regionText(
  lines: readonly string[],
  name: string,
): string | undefined {
  const region = findRegion(lines, name)
  if (!region) return undefined
  const { kept, indent } = shownLines(lines, region)
  return kept.map((index) => lines[index]!.slice(indent)).join('\n')
}
