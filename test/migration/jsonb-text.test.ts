// jsonbText must write every storable JSON value exactly as PostgreSQL writes out its JSONB: checksums
// computed in SQL on a PostgreSQL store are compared with checksums computed here from the same events.
import { PGlite } from '@electric-sql/pglite'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { findJsonProblem } from '../../src/events/json.ts'
import { jsonbText } from '../../src/migration/jsonb-text.ts'

let db: PGlite
beforeAll(async () => {
  db = new PGlite()
  await db.waitReady
})
afterAll(() => db.close())

/** PostgreSQL's text of each value, stored as the stores store it: `JSON.stringify`, cast to JSONB. */
async function postgresText(values: readonly unknown[]): Promise<string[]> {
  const { rows } = await db.query<{ text: string }>(
    'SELECT v::jsonb::text AS text FROM unnest($1::text[]) WITH ORDINALITY AS u(v, n) ORDER BY n',
    [values.map((value) => JSON.stringify(value))],
  )
  return rows.map((row) => row.text)
}

const storable = (value: unknown) => findJsonProblem(value) === undefined

it('writes random JSON values as PostgreSQL writes their JSONB', async () => {
  const values = fc
    .sample(
      fc.oneof(
        fc.jsonValue(),
        fc.jsonValue({ stringUnit: 'binary' }),
        fc.dictionary(fc.string({ unit: 'binary' }), fc.double(), {
          maxKeys: 8,
        }),
      ),
      { numRuns: 3000, seed: 16 },
    )
    .filter(storable)
  expect(values.length).toBeGreaterThan(2500)
  expect(values.map(jsonbText)).toEqual(await postgresText(values))
})

it.each([
  [
    'numbers JavaScript writes with an exponent',
    [1e21, -1.5e-7, 5e-324, 1.7976931348623157e308, 2 ** -20],
  ],
  ['negative zero and plain decimals', [-0, 0.1, -12.5, 123456789012345680000]],
  [
    'keys that sort by length, then by their bytes',
    { bb: 1, a: 2, é: 3, z: 4, '😀': 5, ab: 6 },
  ],
  [
    'control characters, quotes and non-ASCII text',
    ['\u0001\b\f\n\r\t"\\/\u007f\u2028é😀'],
  ],
  [
    'empty and nested containers, and an undefined field',
    { a: [], b: {}, c: [[{}]], d: undefined },
  ],
])('writes %s as PostgreSQL does', async (_, value) => {
  expect([jsonbText(value)]).toEqual(await postgresText([value]))
})
