/** Exercise 12-2, a reference solution: an environment-based store factory with clear errors. */
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  ConfigurationError,
  PostgreSQLEventStore,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'

export type StoreConfig =
  | { backend: 'sqlite'; database: string }
  | { backend: 'postgresql'; connectionString: string }

export const ENVIRONMENTS = ['development', 'testing', 'production'] as const

// #region config
export function storeConfig(
  env: Record<string, string | undefined> = process.env,
): StoreConfig {
  const appEnv = env.APP_ENV || 'development'
  switch (appEnv) {
    case 'development':
      return {
        backend: 'sqlite',
        database: join(env.DATA_DIR || 'data', 'events.db'),
      }
    case 'testing':
      return { backend: 'sqlite', database: ':memory:' }
    case 'production':
      return {
        backend: 'postgresql',
        connectionString: databaseUrl(env.DATABASE_URL),
      }
    default:
      throw new ConfigurationError(
        `APP_ENV is "${appEnv}", which is not an environment. Set it to one of: ${ENVIRONMENTS.join(', ')}.`,
      )
  }
}

function databaseUrl(url: string | undefined): string {
  if (!url)
    throw new ConfigurationError(
      'APP_ENV is production, so DATABASE_URL must be set: export DATABASE_URL=postgresql://user:password@host:5432/database',
    )
  // Never echo the URL: it may hold a password.
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new ConfigurationError(
      'DATABASE_URL must be a PostgreSQL URL, starting with postgresql:// (its value is not shown: it may hold a password).',
    )
  return url
}
// #endregion config

// #region open
export async function openStore(config: StoreConfig): Promise<EventStore> {
  let store: EventStore
  if (config.backend === 'sqlite') {
    if (config.database !== ':memory:')
      mkdirSync(dirname(config.database), { recursive: true })
    store = new SQLiteEventStore(config.database)
  } else {
    store = new PostgreSQLEventStore({
      connectionString: config.connectionString,
    })
  }
  await store.initialize()
  return store
}
// #endregion open
