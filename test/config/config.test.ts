import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  afterAll,
  afterEach,
  describe,
  expect,
  expectTypeOf,
  it,
  vi,
} from 'vitest'
import {
  ConfigurationError,
  createEventStore,
  getEventStoreConfig,
  InMemoryEventStore,
  InvalidArgumentError,
  PostgreSQLEventStore,
  SQLiteEventStore,
  StoreConnectionError,
  type EventStoreConfig,
} from 'eventsource-ts'
import { notesRegistry } from '../support/notes.ts'
import { usePostgresDatabase } from '../support/postgres-server.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const server = usePostgresDatabase()

describe('getEventStoreConfig', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('maps each environment to its store', () => {
    expect(getEventStoreConfig({ APP_ENV: 'development' })).toEqual({
      backend: 'sqlite',
      database: './data/events.db',
    })
    expect(getEventStoreConfig({ APP_ENV: 'testing' })).toEqual({
      backend: 'sqlite',
      database: ':memory:',
    })
    expect(
      getEventStoreConfig({
        APP_ENV: 'production',
        DATABASE_URL: 'postgres://app:pw@db:5432/events',
      }),
    ).toEqual({
      backend: 'postgresql',
      connectionString: 'postgres://app:pw@db:5432/events',
    })
  })

  it('defaults to development, and reads process.env by default', () => {
    expect(getEventStoreConfig({})).toEqual(
      getEventStoreConfig({ APP_ENV: 'development' }),
    )
    expect(getEventStoreConfig({ APP_ENV: '' })).toEqual(
      getEventStoreConfig({ APP_ENV: 'development' }),
    )
    vi.stubEnv('APP_ENV', 'testing')
    expect(getEventStoreConfig()).toEqual({
      backend: 'sqlite',
      database: ':memory:',
    })
  })

  it('production without DATABASE_URL says what to set', () => {
    expect(() => getEventStoreConfig({ APP_ENV: 'production' })).toThrow(
      ConfigurationError,
    )
    expect(() =>
      getEventStoreConfig({ APP_ENV: 'production', DATABASE_URL: '' }),
    ).toThrow(/DATABASE_URL must be set/)
  })

  it('refuses a DATABASE_URL that is no PostgreSQL URL, without showing it', () => {
    const error = (() => {
      try {
        getEventStoreConfig({
          APP_ENV: 'production',
          DATABASE_URL: 'mysql://root:hunter2@db/events',
        })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ConfigurationError)
    expect(String(error)).toMatch(/must be a PostgreSQL URL/)
    expect(String(error)).not.toContain('hunter2')
  })

  it('refuses an unknown APP_ENV, listing the valid ones', () => {
    expect(() => getEventStoreConfig({ APP_ENV: 'staging' })).toThrow(
      ConfigurationError,
    )
    expect(() => getEventStoreConfig({ APP_ENV: 'staging' })).toThrow(
      /APP_ENV is "staging", which is not an environment\. Set it to one of development, testing, production/,
    )
  })
})

describe('createEventStore', () => {
  it('opens the store of the config, initialized', async () => {
    await using testing = await createEventStore({
      ...getEventStoreConfig({ APP_ENV: 'testing' }),
      eventRegistry: notesRegistry,
    })
    expect(testing).toBeInstanceOf(SQLiteEventStore)
    expect(testing.isConnected).toBe(true)
    await using memory = await createEventStore({ backend: 'memory' })
    expect(memory).toBeInstanceOf(InMemoryEventStore)
    expect(memory.isConnected).toBe(true)
    expectTypeOf(memory).toEqualTypeOf<InMemoryEventStore>()
    expectTypeOf(
      await createEventStore({
        backend: 'sqlite',
        database: ':memory:',
      } as const),
    ).toEqualTypeOf<SQLiteEventStore>()
    // An instantiation expression: the function's type, without calling it (that would open a store).
    expectTypeOf(
      createEventStore<EventStoreConfig>,
    ).returns.resolves.toEqualTypeOf<
      InMemoryEventStore | SQLiteEventStore | PostgreSQLEventStore
    >()
  })

  it("creates a SQLite file's directory", async () => {
    const database = join(dir, 'nested', 'data', 'events.db')
    await using store = await createEventStore({ backend: 'sqlite', database })
    expect(store.database).toBe(database)
    expect(existsSync(database)).toBe(true)
  })

  it('opens PGlite in a data directory it creates', async () => {
    const dataDir = join(dir, 'deep', 'pg')
    await using embedded = await createEventStore({
      backend: 'postgresql',
      embedded: dataDir,
    })
    expect(embedded.isConnected).toBe(true)
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true)
  })

  it('opens the production store from DATABASE_URL', async () => {
    await using store = await createEventStore(
      getEventStoreConfig({ APP_ENV: 'production', DATABASE_URL: server.url }),
    )
    expect(store).toBeInstanceOf(PostgreSQLEventStore)
    expect(store.isConnected).toBe(true)
    expect(await store.getGlobalPosition()).toBe(0)
  })

  it('passes on why a store cannot open, and refuses an unknown backend', async () => {
    const unreachable = getEventStoreConfig({
      APP_ENV: 'production',
      DATABASE_URL: 'postgres://app:secret@127.0.0.1:1/events',
    })
    await expect(createEventStore(unreachable)).rejects.toThrow(
      StoreConnectionError,
    )
    await expect(
      createEventStore({ backend: 'mongodb' } as never),
    ).rejects.toThrow(
      /backend must be "memory", "sqlite" or "postgresql", got "mongodb"/,
    )
    await expect(createEventStore(null as never)).rejects.toThrow(
      InvalidArgumentError,
    )
  })
})
