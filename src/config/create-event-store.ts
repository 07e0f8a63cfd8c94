import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { InvalidArgumentError } from '../errors.ts'
import { describe, isPlainObject } from '../events/domain-event.ts'
import { InMemoryEventStore } from '../stores/memory/in-memory-event-store.ts'
import { PostgreSQLEventStore } from '../stores/postgresql/postgresql-event-store.ts'
import { SQLiteEventStore } from '../stores/sqlite/sqlite-event-store.ts'
import type { EventStoreConfig } from './event-store-config.ts'

/** The store class a config opens. */
export type StoreFor<C extends EventStoreConfig> = C extends {
  backend: 'memory'
}
  ? InMemoryEventStore
  : C extends { backend: 'sqlite' }
    ? SQLiteEventStore
    : PostgreSQLEventStore

/**
 * Opens the store a config names, initialized and ready. A SQLite file's directory, or a PGlite data
 * directory, is created first. A store that fails to initialize is closed, and the error thrown.
 */
export async function createEventStore<C extends EventStoreConfig>(
  config: C,
): Promise<StoreFor<C>> {
  const store = newStore(config)
  try {
    await store.initialize()
  } catch (error) {
    await store.close()
    throw error
  }
  return store as StoreFor<C>
}

function newStore(
  config: EventStoreConfig,
): InMemoryEventStore | SQLiteEventStore | PostgreSQLEventStore {
  if (!isPlainObject(config))
    throw new InvalidArgumentError(
      `createEventStore expects a config such as getEventStoreConfig() returns, got ${describe(config)}.`,
    )
  switch (config.backend) {
    case 'memory': {
      const { backend: _, ...options } = config
      return new InMemoryEventStore(options)
    }
    case 'sqlite': {
      const { backend: _, ...options } = config
      if (
        typeof options.database === 'string' &&
        options.database !== ':memory:'
      )
        mkdirSync(dirname(resolve(options.database)), { recursive: true })
      return new SQLiteEventStore(options)
    }
    case 'postgresql': {
      const { backend: _, ...options } = config
      if (typeof options.embedded === 'string' && options.embedded !== '')
        mkdirSync(options.embedded, { recursive: true })
      return new PostgreSQLEventStore(options)
    }
    default:
      throw new InvalidArgumentError(
        `createEventStore: backend must be "memory", "sqlite" or "postgresql", got ${describe((config as { backend?: unknown }).backend)}.`,
      )
  }
}
