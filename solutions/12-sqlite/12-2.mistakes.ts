/** Known wrong answers to 12-2: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'production-falls-back',
    what: 'production without DATABASE_URL quietly uses a SQLite file',
    replace: [
      [
        `      if (!url)
        throw new ConfigurationError(`,
        `      if (!url) return { backend: 'sqlite', database: 'events.db' }
      if (url === 'never')
        throw new ConfigurationError(`,
      ],
    ],
    fails: ['production without DATABASE_URL'],
  },
  {
    name: 'unknown-is-development',
    what: 'an APP_ENV it does not know, such as a typo, counts as development',
    replace: [
      [
        "const appEnv = env.APP_ENV || 'development'",
        `const appEnv =
    ENVIRONMENTS.find((name) => name === env.APP_ENV) ?? 'development'`,
      ],
    ],
    fails: ['unknown APP_ENV'],
  },
  {
    name: 'leaks-url',
    what: 'its error for a wrong DATABASE_URL prints the URL, password and all',
    replace: [
      [
        "'DATABASE_URL must be a PostgreSQL URL, starting with ' +",
        '`DATABASE_URL ${url} must be a PostgreSQL URL, starting with ` +',
      ],
    ],
    fails: ['does not print it'],
  },
  {
    name: 'no-mkdir',
    what: 'opens a SQLite file without creating its directory first',
    replace: [
      [
        `    if (config.database !== ':memory:')
      mkdirSync(dirname(config.database), { recursive: true })
`,
        '',
      ],
    ],
    fails: ["creates a SQLite file's directory"],
  },
] satisfies Mistake[]
