/** Wrong answer to 12-2: any APP_ENV it does not know, such as a typo, is treated as development. */
import { join } from 'node:path'
import { ConfigurationError } from 'eventsource-ts'
import type { StoreConfig } from '../../../solutions/12-sqlite/12-2-store-factory.ts'

export {
  ENVIRONMENTS,
  openStore,
} from '../../../solutions/12-sqlite/12-2-store-factory.ts'

export function storeConfig(
  env: Record<string, string | undefined> = process.env,
): StoreConfig {
  if (env.APP_ENV === 'testing')
    return { backend: 'sqlite', database: ':memory:' }
  if (env.APP_ENV === 'production') {
    if (!env.DATABASE_URL)
      throw new ConfigurationError('Set DATABASE_URL for production.')
    if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL))
      throw new ConfigurationError('DATABASE_URL must be a PostgreSQL URL.')
    return { backend: 'postgresql', connectionString: env.DATABASE_URL }
  }
  return {
    backend: 'sqlite',
    database: join(env.DATA_DIR || 'data', 'events.db'),
  }
}
