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
import { ConfigurationError, type EventStore } from 'eventsource-ts'
import { todo } from '../../todo.ts'

export type StoreConfig =
  | { backend: 'sqlite'; database: string }
  | { backend: 'postgresql'; connectionString: string }

export const ENVIRONMENTS = ['development', 'testing', 'production'] as const

export function storeConfig(
  env: Record<string, string | undefined> = process.env,
): StoreConfig {
  // TODO 1: read env.APP_ENV (unset or '' means 'development') and return
  //         the config of each environment.
  // TODO 2: production needs env.DATABASE_URL: throw a ConfigurationError
  //         naming DATABASE_URL when it is missing, and one that does not
  //         print the URL when it does not start with postgres:// or
  //         postgresql://.
  // TODO 3: any other APP_ENV: throw a ConfigurationError naming it and the
  //         ENVIRONMENTS.
  todo('storeConfig()')
}

export async function openStore(config: StoreConfig): Promise<EventStore> {
  // TODO 4: for SQLite, create the database file's directory
  //         (mkdirSync(dirname(...), { recursive: true })) unless it is
  //         ':memory:', then new SQLiteEventStore(config.database).
  // TODO 5: for PostgreSQL,
  //         new PostgreSQLEventStore({ connectionString: ... }).
  // TODO 6: initialize the store before returning it.
  todo('openStore()')
}
