/**
 * One code path, a store per environment: APP_ENV picks SQLite in a file for
 * development, SQLite in memory for tests, and PostgreSQL for production.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ConfigurationError,
  createEventStore,
  getEventStoreConfig,
  type EventStoreConfig,
} from 'eventsource-ts'

/** A config in a line, with any password in a connection string masked. */
function describeConfig(config: EventStoreConfig): string {
  if (config.backend === 'memory') return 'in memory'
  if (config.backend === 'sqlite') return `SQLite ${config.database}`
  if (config.connectionString === undefined) return 'PostgreSQL'
  const url = new URL(config.connectionString)
  if (url.password) url.password = '***'
  return `PostgreSQL ${url}`
}

/** Runs `work` in a new temp directory, as if the app started there. */
async function inTemporaryDirectory(
  work: (dir: string) => Promise<void>,
): Promise<void> {
  const home = process.cwd()
  const dir = mkdtempSync(join(tmpdir(), 'lesson-12-'))
  process.chdir(dir)
  try {
    await work(dir)
  } finally {
    process.chdir(home)
    rmSync(dir, { recursive: true, force: true })
  }
}

export default async function developmentWorkflow(): Promise<void> {
  await inTemporaryDirectory(async (dir) => {
    // #region environments
    // The app never names a store: it asks for the one its environment needs.
    for (const APP_ENV of ['development', 'testing']) {
      const config = getEventStoreConfig({ APP_ENV })
      // Initialized, and a SQLite file's directory is created first.
      await using store = await createEventStore(config)
      const { name } = store.constructor
      console.log(
        `APP_ENV=${APP_ENV}: ${describeConfig(config)} → ${name}, ` +
          `connected: ${store.isConnected}`,
      )
    }
    // #endregion environments
    const made = readdirSync(join(dir, 'data')).join(', ')
    console.log(
      `  (development made ${made} in ./data of a temporary directory, ` +
        'removed afterwards)',
    )

    // #region production
    // Production reads the server's URL from DATABASE_URL: secrets stay out
    // of the code.
    const production = getEventStoreConfig({
      APP_ENV: 'production',
      DATABASE_URL: 'postgres://app:s3cret@db.internal:5432/events',
    })
    console.log(
      `APP_ENV=production: ${describeConfig(production)} ` +
        '(this lesson does not connect to it)',
    )
    // #endregion production

    // #region mistakes
    // A missing DATABASE_URL or a misspelt APP_ENV fails at start-up, saying
    // what to set, not at the first save.
    const mistakes = {
      'APP_ENV=production, no DATABASE_URL': { APP_ENV: 'production' },
      'APP_ENV=prod (a typo)': { APP_ENV: 'prod' },
    }
    for (const [mistake, env] of Object.entries(mistakes)) {
      try {
        getEventStoreConfig(env)
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error
        console.log(`${mistake}: ${error.name}: ${error.message}`)
      }
    }
    // #endregion mistakes
  })
}
