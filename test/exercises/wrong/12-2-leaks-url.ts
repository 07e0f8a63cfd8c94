/** Wrong answer to 12-2: its error for a wrong DATABASE_URL prints the URL, password and all. */
import { join } from 'node:path'
import { ConfigurationError } from 'eventsource-ts'
import {
  ENVIRONMENTS,
  type StoreConfig,
} from '../../../solutions/12-sqlite/12-2-store-factory.ts'

export {
  ENVIRONMENTS,
  openStore,
} from '../../../solutions/12-sqlite/12-2-store-factory.ts'

export function storeConfig(
  env: Record<string, string | undefined> = process.env,
): StoreConfig {
  switch (env.APP_ENV || 'development') {
    case 'development':
      return {
        backend: 'sqlite',
        database: join(env.DATA_DIR || 'data', 'events.db'),
      }
    case 'testing':
      return { backend: 'sqlite', database: ':memory:' }
    case 'production':
      if (!env.DATABASE_URL)
        throw new ConfigurationError('Set DATABASE_URL for production.')
      if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL))
        throw new ConfigurationError(
          `DATABASE_URL ${env.DATABASE_URL} is not a PostgreSQL URL.`,
        )
      return { backend: 'postgresql', connectionString: env.DATABASE_URL }
    default:
      throw new ConfigurationError(
        `APP_ENV is "${env.APP_ENV}"; use one of ${ENVIRONMENTS.join(', ')}.`,
      )
  }
}
