import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, beforeAll, expect, vi } from 'vitest'
import {
  InMemoryEventStore,
  PostgreSQLEventStore,
  SQLiteEventStore,
  type EventRegistry,
  type EventStore,
} from 'eventsource-ts'

/** A store of this library: the EventStore interface, plus `appendStreams`, which every store here has. */
export type LibraryStore = EventStore &
  Pick<InMemoryEventStore, 'appendStreams'>

/** A store to run against, over fresh, empty storage each time `create` is called. */
export interface StoreTarget {
  name: string
  create(eventRegistry: EventRegistry): Promise<LibraryStore>
}

/**
 * Every backend: in memory, SQLite in memory and in a WAL file under `dir`, and PostgreSQL on PGlite and on
 * the server of `usePostgresDatabase()`. Call at the top of a test file: the PostgreSQL targets start in its
 * hooks. They share one PGlite and one server database per file (starting either takes a while) and empty
 * the events table for each new store.
 */
export function useStoreTargets(
  dir: string,
  server: { readonly url: string },
): StoreTarget[] {
  let pglite: PGlite
  let pool: pg.Pool
  beforeAll(async () => {
    pglite = await PGlite.create()
    pool = new pg.Pool({ connectionString: server.url, max: 2 })
    pool.on('error', () => undefined) // an idle connection the server drops is replaced, not fatal
  })
  afterAll(async () => {
    await pglite.close()
    await pool.end()
  })
  const empty = `DO $$ BEGIN IF to_regclass('events') IS NOT NULL THEN TRUNCATE events RESTART IDENTITY; END IF; END $$`
  let files = 0
  return [
    {
      name: 'InMemoryEventStore',
      create: async (eventRegistry) =>
        new InMemoryEventStore({ eventRegistry }),
    },
    {
      name: 'SQLiteEventStore :memory:',
      create: async (eventRegistry) =>
        new SQLiteEventStore(':memory:', { eventRegistry }),
    },
    {
      name: 'SQLiteEventStore file',
      create: async (eventRegistry) =>
        new SQLiteEventStore(join(dir, `store-${++files}.db`), {
          eventRegistry,
        }),
    },
    {
      name: 'PostgreSQLEventStore on PGlite',
      create: async (eventRegistry) => {
        await pglite.exec(empty)
        return new PostgreSQLEventStore({ embedded: pglite, eventRegistry })
      },
    },
    {
      name: 'PostgreSQLEventStore on a server',
      create: async (eventRegistry) => {
        await pool.query(empty)
        return new PostgreSQLEventStore({ pool, eventRegistry })
      },
    },
  ]
}

/**
 * Waits until the store's readers see its log up to `position`, failing after 10 s. On a PostgreSQL server
 * they see only events of transactions older than every one running on the server, in any database, an
 * autovacuum's ANALYZE too: an append may take a moment to show. The other stores show it at once.
 */
export async function shown(
  store: EventStore,
  position: number,
): Promise<void> {
  await vi.waitFor(
    async () =>
      expect(await store.getGlobalPosition()).toBeGreaterThanOrEqual(position),
    { timeout: 10_000, interval: 10 },
  )
}
