/** Wrong answer to 12-2: its error for a wrong DATABASE_URL prints the URL, password and all. */
import { join } from 'node:path'
import { ENVIRONMENTS, StoreConfigError, type StoreConfig } from '../../../solutions/12-sqlite/12-2-store-factory.ts'

export { ENVIRONMENTS, openStore, StoreConfigError } from '../../../solutions/12-sqlite/12-2-store-factory.ts'

export function storeConfig(env: Record<string, string | undefined> = process.env): StoreConfig {
  switch (env.APP_ENV || 'development') {
    case 'development':
      return { backend: 'sqlite', database: join(env.DATA_DIR || 'data', 'events.db') }
    case 'testing':
      return { backend: 'sqlite', database: ':memory:' }
    case 'production':
      if (!env.DATABASE_URL) throw new StoreConfigError('Set DATABASE_URL for production.')
      if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) throw new StoreConfigError(`DATABASE_URL ${env.DATABASE_URL} is not a PostgreSQL URL.`)
      return { backend: 'postgresql', connectionString: env.DATABASE_URL }
    default:
      throw new StoreConfigError(`APP_ENV is "${env.APP_ENV}"; use one of ${ENVIRONMENTS.join(', ')}.`)
  }
}
