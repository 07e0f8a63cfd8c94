/** Wrong answer to 12-2: production without DATABASE_URL quietly falls back to a SQLite file. */
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
  const appEnv = env.APP_ENV || 'development'
  if (appEnv === 'testing') return { backend: 'sqlite', database: ':memory:' }
  if (appEnv === 'production' && env.DATABASE_URL?.startsWith('postgres'))
    return { backend: 'postgresql', connectionString: env.DATABASE_URL }
  if (appEnv === 'production' && env.DATABASE_URL)
    throw new ConfigurationError('DATABASE_URL must be a PostgreSQL URL.')
  if (appEnv === 'development' || appEnv === 'production')
    return {
      backend: 'sqlite',
      database: join(env.DATA_DIR || 'data', 'events.db'),
    }
  throw new ConfigurationError(
    `APP_ENV is "${appEnv}"; use one of ${ENVIRONMENTS.join(', ')}.`,
  )
}
