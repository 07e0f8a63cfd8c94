/** `node:util` in a browser, for lesson code and checkers: what they take from it, as Node has it. */
import { equals, iterableEquality, typeEquality } from '@vitest/expect'

/** Deep equality with the same values and prototypes, as Node's isDeepStrictEqual (Maps and Sets too). */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return equals(a, b, [iterableEquality, typeEquality], true)
}

export interface InspectOptions {
  /** How deep to show nested objects; deeper ones show as `[Object]`. */
  depth?: number
  // Node's layout options: this inspect always writes one line, as they ask.
  breakLength?: number
  compact?: boolean | number
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

const quote = (text: string) =>
  text.includes("'") && !text.includes('"')
    ? `"${text}"`
    : `'${text.replaceAll("'", "\\'")}'`

/** A value as Node's `util.inspect` shows it on one line: `{ id: 'a', tags: [ 'x' ] }`. */
export function inspect(value: unknown, options: InspectOptions = {}): string {
  const seen = new Set<object>()
  const show = (item: unknown, depth: number): string => {
    if (typeof item === 'string') return quote(item)
    if (typeof item === 'bigint') return `${item}n`
    if (Object.is(item, -0)) return '-0'
    if (typeof item === 'function')
      return /^class\b/.test(String(item))
        ? `[class ${item.name}]`
        : `[Function: ${item.name || '(anonymous)'}]`
    if (typeof item !== 'object' || item === null) return String(item)
    if (item instanceof Date) return item.toISOString()
    if (item instanceof Error) return item.stack ?? String(item)
    if (seen.has(item)) return '[Circular]'
    const prototype = Object.getPrototypeOf(item) as object | null
    const name = prototype?.constructor?.name ?? '[Object: null prototype]'
    if (depth > (options.depth ?? 2))
      return Array.isArray(item) ? '[Array]' : `[${name}]`
    seen.add(item)
    const inner = (entry: unknown) => show(entry, depth + 1)
    const list = (open: string, parts: string[], close: string) =>
      parts.length === 0
        ? `${open}${close}`
        : `${open} ${parts.join(', ')} ${close}`
    let shown: string
    if (Array.isArray(item)) shown = list('[', item.map(inner), ']')
    else if (item instanceof Map)
      shown = `Map(${item.size}) ${list(
        '{',
        [...item].map(([key, entry]) => `${inner(key)} => ${inner(entry)}`),
        '}',
      )}`
    else if (item instanceof Set)
      shown = `Set(${item.size}) ${list('{', [...item].map(inner), '}')}`
    else {
      const fields = list(
        '{',
        Object.entries(item).map(
          ([key, entry]) =>
            `${IDENTIFIER.test(key) ? key : quote(key)}: ${inner(entry)}`,
        ),
        '}',
      )
      shown = name === 'Object' ? fields : `${name} ${fields}`
    }
    seen.delete(item)
    return shown
  }
  return show(value, 0)
}

/** Text for console.log's arguments, as Node prints them: strings as they are, the rest inspected. */
export function format(...values: unknown[]): string {
  return values
    .map((value) => (typeof value === 'string' ? value : inspect(value)))
    .join(' ')
}
