// The PostgreSQL targets of the PostgreSQL benchmarks: PGlite in a data directory, and a throwaway Debian
// PostgreSQL server with production durability (fsync and synchronous commit on), or DATABASE_URL's server.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { PostgreSQLEventStore } from 'eventsource-ts'
import { notesRegistry } from '../../test/support/notes.ts'
import {
  startPostgres,
  withDatabase,
  type PostgresServer,
} from '../../test/support/postgres-server.ts'

export interface Target {
  name: string
  /** A store over fresh, empty storage, initialized. */
  fresh(): Promise<FreshStore>
}

export interface FreshStore {
  store: PostgreSQLEventStore
  /** Another store over the same storage, initialized. */
  reopen(): Promise<PostgreSQLEventStore>
  /** What test/migration/migrate-child.ts takes to open the same storage: its argument and environment. */
  childTarget: string
  env: Record<string, string>
}

export interface Targets {
  list: Target[]
  /** A temp dir for the run's files, removed by dispose(). */
  workDir: string
  dispose(): void
}

export async function postgresTargets(): Promise<Targets> {
  const workDir = mkdtempSync(join(tmpdir(), 'es-bench-pg-'))
  const server: PostgresServer | undefined = process.env.DATABASE_URL
    ? undefined
    : await startPostgres({ durable: true })
  const adminUrl = process.env.DATABASE_URL ?? server!.url
  let count = 0
  const open = async (
    options: ConstructorParameters<typeof PostgreSQLEventStore>[0],
  ) => {
    const store = new PostgreSQLEventStore(options)
    await store.initialize()
    return store
  }
  return {
    workDir,
    list: [
      {
        name: 'PGlite (data directory)',
        fresh: async () => {
          const dataDir = join(workDir, `pglite-${++count}`)
          const reopen = () =>
            open({ embedded: dataDir, eventRegistry: notesRegistry })
          return {
            store: await reopen(),
            reopen,
            childTarget: dataDir,
            env: {},
          }
        },
      },
      {
        name: `PostgreSQL ${server ? '15 server (fsync on, synchronous_commit on)' : 'server at DATABASE_URL'}`,
        fresh: async () => {
          const database = `es_bench_${process.pid}_${++count}`
          const admin = new pg.Client({ connectionString: adminUrl })
          await admin.connect()
          await admin.query(`CREATE DATABASE ${database}`)
          await admin.end()
          const url = withDatabase(adminUrl, database)
          const reopen = () =>
            open({ connectionString: url, eventRegistry: notesRegistry })
          return {
            store: await reopen(),
            reopen,
            childTarget: 'server',
            env: { TARGET_URL: url },
          }
        },
      },
    ],
    dispose() {
      server?.stop()
      rmSync(workDir, { recursive: true, force: true })
    },
  }
}
