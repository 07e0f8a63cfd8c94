import {
  DatabaseBusyError,
  EventSourceError,
  StoreConnectionError,
  StoreError,
} from '../../errors.ts'

/**
 * A connection string safe to print: `postgres://user:***@host:port/db`, with no password and no query
 * parameters (which may carry one). Anything that does not parse is shown as a bare scheme.
 */
export function redactConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString)
    if (url.password) url.password = '***'
    url.search = ''
    url.hash = ''
    return url.toString()
  } catch {
    return 'postgres://***'
  }
}

interface DriverError {
  code?: unknown
  message?: unknown
}

/**
 * Turns a driver error into the library's typed error, with a message that says what to check. `where`
 * is the redacted location; the driver's own messages never carry the password.
 */
export function toStoreError(error: unknown, where: string): unknown {
  if (error instanceof EventSourceError) return error
  const { code, message: raw } = (error ?? {}) as DriverError
  const message = typeof raw === 'string' ? raw : String(error)
  const options = { cause: error }
  const cannotConnect = (why: string, check: string) =>
    new StoreConnectionError(
      `Cannot connect to PostgreSQL at ${where}: ${why}. ${check}`,
      options,
    )
  switch (code) {
    case 'ECONNREFUSED':
      return cannotConnect(
        'the connection was refused',
        'Check that the server is running, and the host and port.',
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return cannotConnect(
        'the host name does not resolve',
        'Check the host name.',
      )
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return cannotConnect(
        'the host does not answer',
        'Check the host, the port and any firewall in between.',
      )
    case '28P01':
      return cannotConnect(message, 'Check the user name and the password.')
    case '28000':
      return cannotConnect(
        message,
        'Check the user name, and that the server (pg_hba.conf) lets this user connect from here.',
      )
    case '3D000':
      return cannotConnect(
        message,
        'Check the database name, or create the database (createdb).',
      )
    case '57P03':
    case '53300':
      return cannotConnect(
        message,
        'The server cannot take the connection now: retry later, or raise its max_connections.',
      )
    case 'ECONNRESET':
    case 'EPIPE':
    case '57P01':
    case '57P02':
    case '08000':
    case '08003':
    case '08006':
      return new StoreConnectionError(
        `Lost the connection to PostgreSQL at ${where}: ${message}. Check that the server is up, then retry.`,
        options,
      )
    case '55P03':
      return new DatabaseBusyError(
        `PostgreSQL at ${where}: another transaction held a lock past the store's busyTimeout (lock_timeout). ` +
          `Nothing was written. Retry, raise busyTimeout, or find the session holding it (pg_stat_activity).`,
        options,
      )
    case '25006':
      return new StoreError(
        `PostgreSQL at ${where} is read-only (a standby?): ${message}. Nothing was written. Point the store at the primary.`,
        options,
      )
    case '53100':
      return new StoreError(
        `PostgreSQL at ${where} is out of disk space: ${message}. Nothing was written.`,
        options,
      )
    case '42501':
      return new StoreError(
        `The user lacks a privilege at ${where}: ${message}. Grant it, or connect as the events table's owner.`,
        options,
      )
  }
  // pg reports timeouts and dropped connections by message only.
  if (/timeout/i.test(message))
    return cannotConnect(
      message,
      'Check the host, the port and any firewall in between; the server may be overloaded.',
    )
  if (/terminated unexpectedly/i.test(message))
    return new StoreConnectionError(
      `Lost the connection to PostgreSQL at ${where}: ${message}. Check that the server is up, then retry.`,
      options,
    )
  return error
}

/** An error while opening the store: whatever it is, the store could not be opened. */
export function toOpenError(error: unknown, where: string): unknown {
  const typed = toStoreError(error, where)
  if (typed !== error || error instanceof EventSourceError) return typed
  return new StoreConnectionError(
    `Cannot open the event store at ${where}: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  )
}
