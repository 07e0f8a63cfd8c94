/** Wrong answer to 12-2: opens a SQLite file without creating its directory, so a fresh checkout fails. */
import {
  PostgreSQLEventStore,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'
import type { StoreConfig } from '../../../solutions/12-sqlite/12-2-store-factory.ts'

export {
  ENVIRONMENTS,
  storeConfig,
} from '../../../solutions/12-sqlite/12-2-store-factory.ts'

export async function openStore(config: StoreConfig): Promise<EventStore> {
  const store =
    config.backend === 'sqlite'
      ? new SQLiteEventStore(config.database)
      : new PostgreSQLEventStore({ connectionString: config.connectionString })
  await store.initialize()
  return store
}
