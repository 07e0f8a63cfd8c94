/**
 * A JSON value as PostgreSQL writes out the JSONB it parses from `JSON.stringify(value)`: object keys
 * shortest first, then by their UTF-8 bytes; `", "` and `": "` between items; numbers in plain decimal
 * notation. Strings are escaped as `JSON.stringify` escapes them, which is how PostgreSQL does too. It is
 * what a checksum covers, so a PostgreSQL store can compute the same checksum in SQL (`jsonb::text`).
 */
export function jsonbText(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return quote(value)
    case 'number':
      return numericText(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      break
    default:
      return 'null' // as JSON.stringify writes an array item it drops from objects
  }
  if (Array.isArray(value)) {
    let text = '['
    for (let i = 0; i < value.length; i++)
      text += (i > 0 ? ', ' : '') + jsonbText(value[i])
    return `${text}]`
  }
  const object = value as Record<string, unknown>
  const keys = Object.keys(object).filter((key) => object[key] !== undefined)
  if (keys.length > 1) keys.sort(compareKeys)
  let text = '{'
  for (let i = 0; i < keys.length; i++)
    text += `${i > 0 ? ', ' : ''}${quote(keys[i]!)}: ${jsonbText(object[keys[i]!])}`
  return `${text}}`
}

/**
 * A string as JSON text. Most need no escape, and quoting them by hand is a fraction of the cost of
 * `JSON.stringify`, which every other string still goes through (a quote, a backslash, a control
 * character, a surrogate).
 */
function quote(text: string): string {
  return ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`
}
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/

/** JSONB's key order: the shorter key first (in UTF-8 bytes), then byte by byte. */
function compareKeys(a: string, b: string): number {
  const lengths = Buffer.byteLength(a) - Buffer.byteLength(b)
  return lengths !== 0
    ? lengths
    : Buffer.compare(Buffer.from(a), Buffer.from(b))
}

/** A number as PostgreSQL's `numeric` writes the JSON text of it: never with an exponent. */
function numericText(value: number): string {
  const json = JSON.stringify(value)
  const e = json.indexOf('e')
  if (e < 0) return json
  const negative = json.startsWith('-')
  const mantissa = json.slice(negative ? 1 : 0, e)
  const point = mantissa.indexOf('.')
  const digits = mantissa.replace('.', '')
  // Where the decimal point falls in `digits` once the exponent is applied.
  const at = (point < 0 ? mantissa.length : point) + Number(json.slice(e + 1))
  const plain =
    at <= 0
      ? `0.${'0'.repeat(-at)}${digits}`
      : at >= digits.length
        ? digits + '0'.repeat(at - digits.length)
        : `${digits.slice(0, at)}.${digits.slice(at)}`
  return negative ? `-${plain}` : plain
}
