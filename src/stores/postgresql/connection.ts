import { existsSync, readdirSync, statSync } from 'node:fs'
import { InvalidArgumentError, StoreConnectionError } from '../../errors.ts'
import { describe } from '../../events/domain-event.ts'
import type { PostgreSQLDriver } from './driver.ts'
import { openPool, usePool, type PostgreSQLPool } from './pg-pool.ts'
import { openPGlite, usePGlite, type PGliteDatabase } from './pglite.ts'
import { redactConnectionString } from './postgresql-errors.ts'

/** Where the events live: exactly one of a server's URL, a `pg` pool, or PGlite. */
export type PostgreSQLConnection =
  | { connectionString: string; pool?: never; embedded?: never }
  | { pool: PostgreSQLPool; connectionString?: never; embedded?: never }
  | {
      embedded: true | string | PGliteDatabase
      connectionString?: never
      pool?: never
    }

/** A checked connection option: where it points (safe to print), and how to open a driver to it. */
export interface Connection {
  /** A redacted URL (`postgres://user:***@host:5432/db`) or the PGlite location. */
  location: string
  /** The database name, for spans. */
  databaseName: string
  /** Opens a driver, loading its package (pg or PGlite) the first time. */
  connect(): Promise<PostgreSQLDriver>
}

const CONNECTION_TIMEOUT_MS = 10_000
const EMBEDDED =
  'embedded must be true (in memory), a directory path, or a PGlite'

export function checkConnection(
  {
    connectionString,
    pool,
    embedded,
  }: Partial<Record<keyof PostgreSQLConnection, unknown>>,
  busyTimeout: number,
): Connection {
  const given = [connectionString, pool, embedded].filter(
    (value) => value !== undefined,
  ).length
  if (given !== 1) {
    throw new InvalidArgumentError(
      `PostgreSQLEventStore needs exactly one of connectionString (a postgres:// URL), pool (a pg Pool) or embedded (true, a directory, or a PGlite), got ${given === 0 ? 'none' : 'several'}.`,
    )
  }
  if (connectionString !== undefined) {
    if (
      typeof connectionString !== 'string' ||
      !/^postgres(ql)?:\/\//.test(connectionString)
    ) {
      // The value itself is not shown: it may hold a password.
      const got =
        typeof connectionString === 'string'
          ? 'another string'
          : describe(connectionString)
      throw new InvalidArgumentError(
        `PostgreSQLEventStore: connectionString must be a postgres:// URL such as postgres://user:password@localhost:5432/events, got ${got}.`,
      )
    }
    return {
      location: redactConnectionString(connectionString),
      databaseName: databaseName(connectionString),
      connect: () =>
        openPool(connectionString, {
          busyTimeout,
          connectionTimeout: CONNECTION_TIMEOUT_MS,
        }),
    }
  }
  if (pool !== undefined) {
    if (!isPool(pool))
      throw new InvalidArgumentError(
        `PostgreSQLEventStore: pool must be a pg Pool, got ${describe(pool)}.`,
      )
    const { connectionString: url, user, host, port, database } = pool.options
    return {
      location: url
        ? redactConnectionString(url)
        : `postgres://${user ? `${user}:***@` : ''}${host ?? 'localhost'}:${port ?? 5432}/${database ?? ''}`,
      databaseName: url ? databaseName(url) : (database ?? ''),
      connect: () => usePool(pool),
    }
  }
  if (embedded === true)
    return {
      location: 'PGlite (in memory)',
      databaseName: 'memory',
      connect: () => openPGlite(),
    }
  if (typeof embedded === 'string' && embedded !== '') {
    const connect = async () => {
      checkDataDirectory(embedded)
      return openPGlite(embedded)
    }
    return { location: `PGlite ${embedded}`, databaseName: embedded, connect }
  }
  if (!isPglite(embedded))
    throw new InvalidArgumentError(
      `PostgreSQLEventStore: ${EMBEDDED}, got ${describe(embedded)}.`,
    )
  return {
    location: 'PGlite (yours)',
    databaseName: 'pglite',
    connect: async () => usePGlite(embedded),
  }
}

/**
 * A PGlite data directory is new, empty, or one PGlite made. Anything else is refused before PGlite sees it:
 * given a file it fails with no message, and given a directory of other files it fills it with its own.
 */
function checkDataDirectory(path: string): void {
  if (!existsSync(path)) return
  if (!statSync(path).isDirectory())
    throw new StoreConnectionError(
      `Cannot open PGlite at ${path}: it is a file. Give the path of a directory, new or made by PGlite.`,
    )
  const entries = readdirSync(path)
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new StoreConnectionError(
      `Cannot open PGlite at ${path}: the directory holds other files and no PostgreSQL data (no PG_VERSION). Give a new or empty directory, or one made by PGlite.`,
    )
  }
}

function databaseName(connectionString: string): string {
  try {
    return decodeURIComponent(new URL(connectionString).pathname.slice(1))
  } catch {
    return ''
  }
}

function isPool(value: unknown): value is PostgreSQLPool {
  const candidate = value as Partial<PostgreSQLPool> | null
  return (
    typeof candidate?.connect === 'function' &&
    typeof candidate.query === 'function' &&
    typeof candidate.options === 'object'
  )
}

function isPglite(value: unknown): value is PGliteDatabase {
  const candidate = value as Partial<PGliteDatabase> | null
  return (
    typeof candidate?.query === 'function' &&
    typeof candidate.transaction === 'function'
  )
}
