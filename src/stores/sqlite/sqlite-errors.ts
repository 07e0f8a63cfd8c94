import {
  DatabaseBusyError,
  EventSourceError,
  StoreConnectionError,
  StoreError,
} from '../../errors.ts'

/** Turns a driver error into the library's typed error, with a message that says what to do. */
export function toStoreError(
  error: unknown,
  database: string,
  busyTimeout: number,
): unknown {
  if (error instanceof EventSourceError) return error
  const code = (error as { code?: unknown })?.code
  const message = error instanceof Error ? error.message : String(error)
  const options = { cause: error }
  // Extended codes such as SQLITE_BUSY_SNAPSHOT or SQLITE_IOERR_SHORT_READ fall under their primary code.
  const primary =
    typeof code === 'string' && code.startsWith('SQLITE_')
      ? code.split('_')[1]
      : undefined
  switch (primary) {
    case 'BUSY':
    case 'LOCKED':
      return new DatabaseBusyError(
        `SQLite database ${database} is locked by another connection and stayed locked past busyTimeout (${busyTimeout} ms). ` +
          `Nothing was written. Retry, raise busyTimeout, or find the process holding the lock.`,
        options,
      )
    case 'NOTADB':
    case 'CORRUPT':
      return new StoreConnectionError(
        `${database} is not a SQLite database (or is damaged): ${message}. Point the store at an event database, or at a new file.`,
        options,
      )
    case 'CANTOPEN':
      return new StoreConnectionError(
        `Cannot open SQLite database ${database}: ${message}. Check that the file is readable or, for a new database, that its directory is writable.`,
        options,
      )
    case 'READONLY':
      return new StoreError(
        `SQLite database ${database} is read-only: ${message}. Nothing was written. Check the file's and its directory's permissions.`,
        options,
      )
    case 'FULL':
      return new StoreError(
        `SQLite database ${database} is full (no disk space left): ${message}. Nothing was written.`,
        options,
      )
    case 'IOERR':
      return new StoreError(
        `SQLite could not read or write ${database}: ${message}.`,
        options,
      )
  }
  return error
}
