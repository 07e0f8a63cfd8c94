/** Lesson 12's migration path against a real PostgreSQL server, chosen with DATABASE_URL as a learner would. */
import pg from 'pg'
import { expect, it } from 'vitest'
import { usePostgresDatabase } from '../support/postgres-server.ts'
import { workbook } from './run-workbook.ts'

const database = usePostgresDatabase()

async function lessonSchemas(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE 'lesson12_%'",
    )
    return rows.map((row) => row.name)
  } finally {
    await client.end()
  }
}

it('migrates into the server at DATABASE_URL, in a schema of its own that it drops, and never prints the password', async () => {
  const url = new URL(database.url)
  const { code, stdout, stderr } = await workbook(
    'lesson',
    ['12', '--section', 'migration-path'],
    { env: { DATABASE_URL: database.url } },
  )
  expect(stderr).toBe('')
  expect(code).toBe(0)
  expect(stdout).toContain(
    `Target: postgres://${url.username}:***@${url.host}${url.pathname} (DATABASE_URL, in a schema of its own)`,
  )
  expect(stdout).toMatch(
    /migrateEvents: copied 700 in batches of 500 .*; skipped 300 already there/,
  )
  expect(stdout).toContain('Verified: true, 100 streams')
  expect(stdout).not.toContain(decodeURIComponent(url.password))
  expect(await lessonSchemas(database.url)).toEqual([])
}, 120_000)
