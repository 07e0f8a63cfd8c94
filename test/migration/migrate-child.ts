// A child for the migration tests and benchmark: migrates a SQLite file into PostgreSQL (PGlite in a
// directory, or the server at TARGET_URL), printing each progress report as a JSON line, then the report.
import {
  migrateEvents,
  PostgreSQLEventStore,
  SQLiteEventStore,
} from 'eventsource-ts'
import { notesRegistry } from '../support/notes.ts'

const [sourcePath, target, batchSize] = process.argv.slice(2)
await using source = new SQLiteEventStore(sourcePath!, {
  eventRegistry: notesRegistry,
})
await using destination = new PostgreSQLEventStore(
  target === 'server'
    ? {
        connectionString: process.env.TARGET_URL!,
        eventRegistry: notesRegistry,
      }
    : { embedded: target!, eventRegistry: notesRegistry },
)
await source.initialize()
await destination.initialize()
const { mismatches, ...report } = await migrateEvents({
  source,
  target: destination,
  batchSize: Number(batchSize),
  onProgress: (progress) => console.log(JSON.stringify(progress)),
})
console.log(
  JSON.stringify({ done: true, mismatched: mismatches.length, ...report }),
)
