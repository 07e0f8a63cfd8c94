/** Checks exercise 12-2 (an environment-based store factory). */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, normalize } from 'node:path'
import { afterAll, describe, expect, test, vi } from 'vitest'
import {
  ConfigurationError,
  SQLiteEventStore,
  StoreConnectionError,
  type EventStore,
} from 'eventsource-ts'
import { NoteCreated } from '../notes.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/12-sqlite/12-2-store-factory.ts')

const dir = mkdtempSync(join(tmpdir(), 'check-12-2-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** What a call threw, or undefined when it did not throw. */
function thrown(work: () => unknown): unknown {
  try {
    work()
    return undefined
  } catch (error) {
    return error
  }
}

async function saveNote(store: EventStore): Promise<string> {
  const note = new NoteCreated({
    aggregateId: randomUUID(),
    title: 'Factory check',
    content: '',
  })
  await store.appendEvents({
    aggregateId: note.aggregateId,
    aggregateType: 'Note',
    events: [note],
    expectedVersion: 0,
  })
  return note.aggregateId
}

for (const target of await checkTargets('12-2')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { storeConfig, openStore } = loaded.module

    /**
     * The ConfigurationError that `env` must cause, checked for the words a
     * learner needs to read.
     */
    function configError(
      env: Record<string, string | undefined>,
      situation: string,
    ): Error {
      let returned: unknown
      const error = thrown(() => (returned = storeConfig(env)))
      assert.ok(
        error !== undefined,
        `${situation}: storeConfig() must throw a ConfigurationError, ` +
          `but it returned ${JSON.stringify(returned)}.`,
      )
      assert.ok(
        error instanceof ConfigurationError,
        `${situation}: throw new ConfigurationError(...) ` +
          `(from eventsource-ts), not ${error}.`,
      )
      return error
    }

    describe('checks', () => {
      test(
        'APP_ENV unset or empty means development: ' +
          'a SQLite file, data/events.db',
        () => {
          for (const env of [{}, { APP_ENV: '' }]) {
            const config = storeConfig(env)
            assert.ok(
              config.backend === 'sqlite',
              `APP_ENV ${JSON.stringify(env.APP_ENV)} must give the ` +
                `SQLite backend, got ${JSON.stringify(config)}`,
            )
            expect(normalize(config.database)).toBe(normalize('data/events.db'))
          }
        },
      )

      test('development keeps events.db in DATA_DIR when it is set', () => {
        const config = storeConfig({
          APP_ENV: 'development',
          DATA_DIR: join(dir, 'app-data'),
        })
        expect(config).toEqual({
          backend: 'sqlite',
          database: join(dir, 'app-data', 'events.db'),
        })
      })

      test('testing is an in-memory SQLite database', () => {
        expect(storeConfig({ APP_ENV: 'testing' })).toEqual({
          backend: 'sqlite',
          database: ':memory:',
        })
      })

      test('production is PostgreSQL at DATABASE_URL', () => {
        const url = 'postgresql://app:secret@db.example.com:5432/events'
        expect(
          storeConfig({ APP_ENV: 'production', DATABASE_URL: url }),
        ).toEqual({ backend: 'postgresql', connectionString: url })
      })

      test(
        'production without DATABASE_URL is a ConfigurationError ' +
          'that names DATABASE_URL',
        () => {
          for (const env of [
            { APP_ENV: 'production' },
            { APP_ENV: 'production', DATABASE_URL: '' },
          ]) {
            const missing =
              'DATABASE_URL' in env
                ? ' and an empty DATABASE_URL'
                : ' and no DATABASE_URL'
            const error = configError(env, `APP_ENV=production${missing}`)
            expect(error.message, 'say which variable to set').toContain(
              'DATABASE_URL',
            )
          }
        },
      )

      test(
        'a DATABASE_URL that is not PostgreSQL is refused, ' +
          'and the error does not print it',
        () => {
          const error = configError(
            {
              APP_ENV: 'production',
              DATABASE_URL: 'mysql://admin:hunter2@db.example.com/events',
            },
            'a mysql:// DATABASE_URL',
          )
          expect(error.message, 'say which variable is wrong').toContain(
            'DATABASE_URL',
          )
          assert.ok(
            !error.message.includes('hunter2'),
            `The error shows the URL's password: "${error.message}". ` +
              'Describe the problem without the URL.',
          )
        },
      )

      test(
        'an unknown APP_ENV is a ConfigurationError naming it ' +
          'and the environments there are',
        () => {
          const error = configError({ APP_ENV: 'staging' }, 'APP_ENV=staging')
          for (const word of [
            'staging',
            'development',
            'testing',
            'production',
          ])
            expect(
              error.message,
              `the message should mention "${word}"`,
            ).toContain(word)
        },
      )

      test('storeConfig() reads process.env when called with nothing', () => {
        vi.stubEnv('APP_ENV', 'testing')
        try {
          expect(storeConfig()).toEqual({
            backend: 'sqlite',
            database: ':memory:',
          })
        } finally {
          vi.unstubAllEnvs()
        }
      })

      test(
        'openStore() gives an initialized in-memory SQLite store ' +
          'for testing',
        async () => {
          await using store = await openStore({
            backend: 'sqlite',
            database: ':memory:',
          })
          assert.ok(
            store instanceof SQLiteEventStore,
            `expected a SQLiteEventStore, got ${store}`,
          )
          expect(store.database).toBe(':memory:')
          expect(
            store.isConnected,
            'call await store.initialize() before returning the store',
          ).toBe(true)
          await saveNote(store)
        },
      )

      test(
        "openStore() creates a SQLite file's directory, " +
          'and the file keeps its events',
        async () => {
          const database = join(
            dir,
            randomUUID(),
            'not',
            'there',
            'yet',
            'events.db',
          ) // new for each answer checked
          let noteId: string
          {
            await using store = await openStore({ backend: 'sqlite', database })
            assert.ok(
              store instanceof SQLiteEventStore,
              `expected a SQLiteEventStore, got ${store}`,
            )
            expect(store.walMode, 'a file store uses WAL').toBe(true)
            noteId = await saveNote(store)
          }
          assert.ok(existsSync(database), `${database} was not created`)
          await using reopened = await openStore({
            backend: 'sqlite',
            database,
          })
          expect(await reopened.getStreamVersion(noteId, 'Note')).toBe(1)
        },
      )

      test(
        'openStore() connects to PostgreSQL for production ' +
          '(here a server that is not there)',
        async () => {
          // nothing listens on port 1
          const connectionString = 'postgresql://app:secret@127.0.0.1:1/events'
          const error = await openStore({
            backend: 'postgresql',
            connectionString,
          }).then(
            async (store) => void (await store.close()),
            (failure: unknown) => failure,
          )
          const outcome =
            error === undefined
              ? 'it returned a store without connecting'
              : `it threw ${quoted(error)}`
          assert.ok(
            error instanceof StoreConnectionError,
            'openStore() must create a PostgreSQLEventStore and ' +
              'initialize it, which fails here with StoreConnectionError; ' +
              `${outcome}.`,
          )
        },
      )
    })
  })
}
