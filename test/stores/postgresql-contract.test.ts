import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { PostgreSQLEventStore } from 'eventsource-ts'
import {
  describeEventStoreContract,
  type RowCorruption,
} from 'eventsource-ts/testing'
import { usePostgresDatabase } from '../support/postgres-server.ts'

type Run = (sql: string, params?: unknown[]) => Promise<unknown>

/** Fresh storage for each test: the store's table and function are dropped, so initialize() makes them anew. */
async function reset(run: Run): Promise<void> {
  await run('DROP TABLE IF EXISTS events')
  await run('DROP FUNCTION IF EXISTS eventsource_append_event')
  await run('DROP FUNCTION IF EXISTS eventsource_append')
  await run('DROP FUNCTION IF EXISTS eventsource_append_streams')
}

/** Writes to a row behind the store's back. */
async function corrupt(
  run: Run,
  position: number,
  change: RowCorruption,
): Promise<void> {
  if (change.eventType)
    await run('UPDATE events SET event_type = $1 WHERE global_position = $2', [
      change.eventType,
      position,
    ])
  if (change.payload) {
    // A JSONB column holds only valid JSON: text that is not JSON goes in as a JSON string, no payload object either.
    const json = isJson(change.payload)
      ? change.payload
      : JSON.stringify(change.payload)
    await run(
      'UPDATE events SET payload = $1::jsonb WHERE global_position = $2',
      [json, position],
    )
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

// PGlite: one instance for the file (starting one takes a second or more); each test gets a fresh schema in it.
let pglite: PGlite
beforeAll(async () => {
  pglite = await PGlite.create()
})
afterAll(() => pglite.close())
const onPglite: Run = (sql, params) => pglite.query(sql, params)

describeEventStoreContract({
  name: 'PostgreSQLEventStore on PGlite',
  create: async (eventRegistry) => {
    await reset(onPglite)
    return new PostgreSQLEventStore({ embedded: pglite, eventRegistry })
  },
  reopen: (eventRegistry) =>
    new PostgreSQLEventStore({ embedded: pglite, eventRegistry }),
  corrupt: (_, position, change) => corrupt(onPglite, position, change),
})

// A real server: the store opens its own pool from a URL; the reopened store shares a pool the test owns.
const server = usePostgresDatabase()
let pool: pg.Pool
beforeAll(() => {
  pool = new pg.Pool({ connectionString: server.url, max: 4 })
})
afterAll(() => pool.end())
const onServer: Run = (sql, params) => pool.query(sql, params)

describeEventStoreContract({
  name: 'PostgreSQLEventStore on a PostgreSQL server',
  create: async (eventRegistry) => {
    await reset(onServer)
    return new PostgreSQLEventStore({
      connectionString: server.url,
      eventRegistry,
    })
  },
  reopen: (eventRegistry) => new PostgreSQLEventStore({ pool, eventRegistry }),
  corrupt: (_, position, change) => corrupt(onServer, position, change),
})
