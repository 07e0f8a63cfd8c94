import {
  PostgreSQLEventStore,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'
import { notesRegistry } from '../../support/notes.ts'

/** The store a child process writes to, named on its command line: `sqlite <file>` or `postgres <url>`. */
export function openStore(backend: string, location: string): EventStore {
  switch (backend) {
    case 'sqlite':
      return new SQLiteEventStore(location, {
        eventRegistry: notesRegistry,
        busyTimeout: 30_000,
      })
    case 'postgres':
      return new PostgreSQLEventStore({
        connectionString: location,
        eventRegistry: notesRegistry,
      })
    default:
      throw new Error(`unknown backend ${backend}`)
  }
}
