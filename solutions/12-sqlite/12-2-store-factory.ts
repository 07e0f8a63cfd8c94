/**
 * Exercise 12-2: an environment-based store factory, the Python original's
 * config.py and infrastructure.py done well.
 *
 * storeConfig(env) reads APP_ENV and returns where the events live:
 *   - APP_ENV unset or empty: as development;
 *   - development: a SQLite file, events.db, in the directory DATA_DIR
 *     (default: data);
 *   - testing: an in-memory SQLite database (':memory:');
 *   - production: PostgreSQL at DATABASE_URL. A missing or empty
 *     DATABASE_URL is a ConfigurationError that names DATABASE_URL and says
 *     what to set. A URL that is not postgres:// or postgresql:// is a
 *     ConfigurationError too, which must not print the URL: it may hold a
 *     password;
 *   - anything else: a ConfigurationError that names the value and the
 *     three environments there are.
 * openStore(config) returns an initialized store for a config, creating a
 * SQLite file's directory first.
 *
 * Check your work with `npm run verify 12-2`. Stuck? `npm run hint 12-2`.
 */
// #todo imports
// #stub import { ConfigurationError, type EventStore } from 'eventsource-ts'
// #answer
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  ConfigurationError,
  PostgreSQLEventStore,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'
// #endtodo

export type StoreConfig =
  | { backend: 'sqlite'; database: string }
  | { backend: 'postgresql'; connectionString: string }

export const ENVIRONMENTS = ['development', 'testing', 'production'] as const

// #region config
export function storeConfig(
  env: Record<string, string | undefined> = process.env,
): StoreConfig {
  // #todo storeConfig()
  // TODO 1: read env.APP_ENV (unset or '' means 'development') and return
  //         the config of each environment.
  // TODO 2: production needs env.DATABASE_URL: throw a ConfigurationError
  //         naming DATABASE_URL when it is missing, and one that does not
  //         print the URL when it does not start with postgres:// or
  //         postgresql://.
  // TODO 3: any other APP_ENV: throw a ConfigurationError naming it and the
  //         ENVIRONMENTS.
  // #answer
  const appEnv = env.APP_ENV || 'development'
  switch (appEnv) {
    case 'development':
      return {
        backend: 'sqlite',
        database: join(env.DATA_DIR || 'data', 'events.db'),
      }
    case 'testing':
      return { backend: 'sqlite', database: ':memory:' }
    case 'production': {
      const url = env.DATABASE_URL
      if (!url)
        throw new ConfigurationError(
          'APP_ENV is production, so DATABASE_URL must be set: ' +
            'export DATABASE_URL=postgresql://user:password@host:5432/db',
        )
      // Never echo the URL: it may hold a password.
      if (!/^postgres(ql)?:\/\//.test(url))
        throw new ConfigurationError(
          'DATABASE_URL must be a PostgreSQL URL, starting with ' +
            'postgresql:// (its value is not shown: it may hold a password).',
        )
      return { backend: 'postgresql', connectionString: url }
    }
    default:
      throw new ConfigurationError(
        `APP_ENV is "${appEnv}", which is not an environment. ` +
          `Set it to one of: ${ENVIRONMENTS.join(', ')}.`,
      )
  }
  // #endtodo
}
// #endregion config

// #region open
export async function openStore(config: StoreConfig): Promise<EventStore> {
  // #todo openStore()
  // TODO 4: for SQLite, create the database file's directory
  //         (mkdirSync(dirname(...), { recursive: true })) unless it is
  //         ':memory:', then new SQLiteEventStore(config.database).
  // TODO 5: for PostgreSQL,
  //         new PostgreSQLEventStore({ connectionString: ... }).
  // TODO 6: initialize the store before returning it.
  // #answer
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
  // #endtodo
}
// #endregion open
