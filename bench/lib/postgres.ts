import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { PostgreSQLEventStore } from 'eventsource-ts'
import { notesRegistry } from '../../test/support/notes.ts'
import {
  startPostgres,
  type PostgresServer,
} from '../../test/support/postgres-server.ts'
import { postgresFloor, type PgConnection } from '../floors/postgresql.ts'
import { FLOOR, OURS, type Backend } from './backends.ts'
import { storeSubject, type Subject } from './subject.ts'
import type { WorkloadName } from './workloads.ts'

/** The floor that appends the way it is first written by hand: BEGIN, SELECT, one INSERT a row, COMMIT. */
export const FLOOR_TRANSACTION = 'raw floor, BEGIN…COMMIT'
/** It shows what multi-row statements gain on batches; its reads would be the floor's. */
export const ONLY_APPENDS: Record<string, readonly WorkloadName[]> = {
  [FLOOR_TRANSACTION]: ['append-100'],
}

/** A fresh, empty schema of a server's database: a URL whose sessions use it, and how to drop it. */
export type FreshSchema = (
  label: string,
) => Promise<{ url: string; drop(): Promise<void> }>

/** A PostgreSQL backend: the workloads' contenders, and our store on its own for the migration. */
export interface PostgresBackend extends Backend {
  /**
   * Our store over a fresh, empty schema, initialized; `connect` opens another store over the same schema
   * (another session on a server); `dispose` closes the first and drops the schema.
   */
  openStore(): Promise<{
    store: PostgreSQLEventStore
    connect(): PostgreSQLEventStore
    /** A plain connection to the same schema, for hand-written SQL; the caller closes it. */
    connection(): Promise<PgConnection>
    dispose(): Promise<void>
  }>
  /** On a server, where many sessions can write at once. */
  freshSchema?: FreshSchema
  dispose(): Promise<void>
}

/** Where a store or a floor of a run keeps its events: a fresh schema of one database. */
let schemas = 0
const freshSchema = (label: string) => `bench_${label}_${++schemas}`

/**
 * PGlite in process (in memory). Starting one takes seconds, and it has a single session, so each database
 * the workloads open takes an idle instance (or starts one), works in a fresh schema of it, and gives the
 * instance back when it closes, the schema dropped.
 */
export async function pgliteBackend(): Promise<PostgresBackend> {
  const instances: PGlite[] = []
  const idle: PGlite[] = []
  const inSchema = async (label: string) => {
    const db = idle.pop() ?? instances[instances.push(new PGlite()) - 1]!
    const schema = freshSchema(label)
    await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`)
    return {
      db,
      drop: async () => (
        await db.exec(`DROP SCHEMA ${schema} CASCADE`),
        void idle.push(db)
      ),
    }
  }
  const floor =
    (shape: 'statement' | 'transaction', label: string) => async () => {
      const { db, drop } = await inSchema(label)
      return postgresFloor(pgliteConnection(db, drop), shape)
    }
  const openStore = async () => {
    const { db, drop } = await inSchema('ours')
    const connect = () =>
      new PostgreSQLEventStore({ embedded: db, eventRegistry: notesRegistry })
    const store = connect()
    await store.initialize()
    return {
      store,
      connect,
      // PGlite has one session: the store's, whose search_path is the schema's.
      connection: async () => pgliteConnection(db),
      dispose: async () => (await store.close(), await drop()),
    }
  }
  const { db: probe, drop } = await inSchema('settings')
  const setting = async (name: string) =>
    (
      await probe.query<{ value: string }>(
        `SELECT current_setting('${name}') AS value`,
      )
    ).rows[0]!.value
  const durability = `PGlite (PostgreSQL ${await setting('server_version')}) in memory: fsync=${await setting('fsync')}, synchronous_commit=${await setting('synchronous_commit')}`
  await drop()
  return {
    name: 'PGlite (in memory)',
    durability,
    openStore,
    contenders: contenders(openStore, floor),
    dispose: async () => {
      for (const db of instances) await db.close()
    },
  }
}

/** PGlite's one session as a floor's connection; `close` runs when the floor closes it. */
const pgliteConnection = (
  db: PGlite,
  close: () => Promise<void> = async () => undefined,
): PgConnection => ({
  query: async (sql, params) =>
    (await db.query<Record<string, unknown>>(sql, params)).rows,
  close,
})

/** A session of its own on a server; `close` ends it, then runs `after`. */
async function pgConnection(
  url: string,
  after: () => Promise<void> = async () => undefined,
): Promise<PgConnection> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return {
    query: async (sql, params) =>
      (await client.query(sql, params)).rows as Record<string, unknown>[],
    close: async () => (await client.end(), await after()),
  }
}

/** Our store beside the two floors, the same on PGlite and on a server. */
function contenders(
  openStore: PostgresBackend['openStore'],
  floor: (
    shape: 'statement' | 'transaction',
    label: string,
  ) => () => Promise<Subject>,
): Record<string, () => Promise<Subject>> {
  return {
    [OURS]: async () => {
      const { store, dispose } = await openStore()
      return storeSubject(store, dispose) // closing twice is a no-op
    },
    [FLOOR]: floor('statement', 'floor'),
    [FLOOR_TRANSACTION]: floor('transaction', 'transaction'),
  }
}

/**
 * A throwaway PostgreSQL server on this machine (test/support/postgres-server.ts) with a production
 * server's durability, fsync and synchronous_commit on; or the server at DATABASE_URL. Each database the
 * workloads ask for is a fresh schema, chosen through the connection's search_path.
 */
export async function serverBackend(): Promise<PostgresBackend> {
  const server: PostgresServer | undefined = process.env.DATABASE_URL
    ? undefined
    : await startPostgres({ durable: true })
  const url = process.env.DATABASE_URL ?? server!.url
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const show = async (setting: string) =>
    ((await admin.query(`SHOW ${setting}`)).rows[0] as Record<string, string>)[
      setting
    ]
  const durability = `PostgreSQL ${await show('server_version')}${server ? ' (throwaway server on 127.0.0.1)' : ' at DATABASE_URL'}: fsync=${await show('fsync')}, synchronous_commit=${await show('synchronous_commit')}, full_page_writes=${await show('full_page_writes')}`
  const inSchema: FreshSchema = async (label) => {
    const schema = freshSchema(label)
    await admin.query(`CREATE SCHEMA ${schema}`)
    const scoped = new URL(url)
    scoped.searchParams.set('options', `-c search_path=${schema}`)
    return {
      url: scoped.toString(),
      drop: async () =>
        void (await admin.query(`DROP SCHEMA ${schema} CASCADE`)),
    }
  }
  const floor =
    (shape: 'statement' | 'transaction', label: string) => async () => {
      const { url: scoped, drop } = await inSchema(label)
      return postgresFloor(await pgConnection(scoped, drop), shape)
    }
  const openStore = async () => {
    const { url: scoped, drop } = await inSchema('ours')
    const connect = () =>
      new PostgreSQLEventStore({
        connectionString: scoped,
        eventRegistry: notesRegistry,
      })
    const store = connect()
    await store.initialize()
    return {
      store,
      connect,
      connection: () => pgConnection(scoped),
      dispose: async () => (await store.close(), await drop()),
    }
  }
  return {
    name: 'PostgreSQL server',
    durability,
    openStore,
    freshSchema: inSchema,
    contenders: contenders(openStore, floor),
    dispose: async () => {
      await admin.end()
      server?.stop()
    },
  }
}
