import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import {
  PostgreSQLCheckpointRepository,
  PostgreSQLDeadLetterStore,
  PostgreSQLEventStore,
  PostgreSQLSnapshotStore,
  type EventStore,
} from 'eventsource-ts'
import {
  describeEventProcessingContract,
  type ProcessingContractTarget,
} from 'eventsource-ts/testing'
import { usePostgresDatabase } from '../support/postgres-server.ts'

type Run = (sql: string, params?: unknown[]) => Promise<unknown>

/**
 * Fresh storage for each test: the log and the processing tables emptied, their positions and ids from 1
 * again (cheaper than dropping them: the store's schema and the notification trigger stay).
 */
async function reset(run: Run): Promise<void> {
  await run(`DO $$ BEGIN
    IF to_regclass('events') IS NOT NULL THEN TRUNCATE events RESTART IDENTITY; END IF;
    IF to_regclass('subscription_dead_letters') IS NOT NULL THEN
      TRUNCATE subscription_checkpoints, aggregate_snapshots, subscription_dead_letters RESTART IDENTITY;
    END IF;
  END $$`)
}

const backend = (run: () => Run) => ({
  checkpoints: (store: EventStore) =>
    new PostgreSQLCheckpointRepository(store as PostgreSQLEventStore),
  snapshots: (store: EventStore) =>
    new PostgreSQLSnapshotStore(store as PostgreSQLEventStore),
  deadLetters: (store: EventStore) =>
    new PostgreSQLDeadLetterStore(store as PostgreSQLEventStore),
  wakesOnOtherWriters: true,
  // JSONB holds only valid JSON: a snapshot is damaged by a version no snapshot can have.
  damageSnapshot: async (
    _: EventStore,
    aggregateId: string,
    aggregateType: string,
  ) =>
    void (await run()(
      'UPDATE aggregate_snapshots SET version = 0 WHERE aggregate_id = $1 AND aggregate_type = $2',
      [aggregateId, aggregateType],
    )),
})

// PGlite: one instance for the file; a second store over it is a second writer in the same database.
let pglite: PGlite
beforeAll(async () => {
  pglite = await PGlite.create()
})
afterAll(() => pglite.close())
const onPglite: Run = (sql, params) => pglite.query(sql, params)

describeEventProcessingContract({
  name: 'PostgreSQL on PGlite',
  create: async (eventRegistry) => {
    await reset(onPglite)
    return new PostgreSQLEventStore({ embedded: pglite, eventRegistry })
  },
  connect: (eventRegistry) =>
    new PostgreSQLEventStore({ embedded: pglite, eventRegistry }),
  ...backend(() => onPglite),
} satisfies ProcessingContractTarget)

// A real server: each store opens its own pool, so a second store is another session.
const server = usePostgresDatabase()
let admin: pg.Pool
beforeAll(() => {
  admin = new pg.Pool({ connectionString: server.url, max: 2 })
})
afterAll(() => admin.end())
const onServer: Run = (sql, params) => admin.query(sql, params)

describeEventProcessingContract({
  name: 'PostgreSQL server',
  create: async (eventRegistry) => {
    await reset(onServer)
    return new PostgreSQLEventStore({
      connectionString: server.url,
      eventRegistry,
    })
  },
  connect: (eventRegistry) =>
    new PostgreSQLEventStore({ connectionString: server.url, eventRegistry }),
  ...backend(() => onServer),
} satisfies ProcessingContractTarget)
