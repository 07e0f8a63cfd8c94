import { ConfigurationError } from '../errors.ts'
import type { StoreOptions } from '../stores/base-event-store.ts'
import type { PostgreSQLEventStoreOptions } from '../stores/postgresql/postgresql-event-store.ts'
import type { SQLiteEventStoreConfig } from '../stores/sqlite/sqlite-event-store.ts'

/** Which store to open, and its options: the backend's name beside exactly what its constructor takes. */
export type EventStoreConfig =
  MemoryStoreConfig | SQLiteStoreConfig | PostgreSQLStoreConfig
export type MemoryStoreConfig = { backend: 'memory' } & StoreOptions
export type SQLiteStoreConfig = { backend: 'sqlite' } & SQLiteEventStoreConfig
export type PostgreSQLStoreConfig = {
  backend: 'postgresql'
} & PostgreSQLEventStoreOptions

export const APP_ENVIRONMENTS = [
  'development',
  'testing',
  'production',
] as const
export type AppEnvironment = (typeof APP_ENVIRONMENTS)[number]

/** The database file of the development environment, relative to the working directory. */
export const DEVELOPMENT_DATABASE = './data/events.db'

/**
 * The store for the environment named by `APP_ENV` (default development):
 * - development: a SQLite file, `./data/events.db`, that survives restarts;
 * - testing: SQLite in memory, fresh for every store;
 * - production: PostgreSQL at `DATABASE_URL`, which must be set.
 */
export function getEventStoreConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): EventStoreConfig {
  const appEnv = env.APP_ENV || 'development'
  switch (appEnv) {
    case 'development':
      return { backend: 'sqlite', database: DEVELOPMENT_DATABASE }
    case 'testing':
      return { backend: 'sqlite', database: ':memory:' }
    case 'production':
      return {
        backend: 'postgresql',
        connectionString: databaseUrl(env.DATABASE_URL),
      }
    default:
      throw new ConfigurationError(
        `APP_ENV is ${JSON.stringify(appEnv)}, which is not an environment. Set it to one of ${APP_ENVIRONMENTS.join(', ')}, or leave it unset for development.`,
      )
  }
}

function databaseUrl(url: string | undefined): string {
  if (!url) {
    throw new ConfigurationError(
      'APP_ENV is production, so DATABASE_URL must be set to the PostgreSQL server, such as postgres://user:password@db.internal:5432/events.',
    )
  }
  // The value is never shown: it may hold a password.
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new ConfigurationError(
      'DATABASE_URL must be a PostgreSQL URL starting with postgres:// or postgresql:// (its value is not shown: it may hold a password).',
    )
  return url
}
