// A child for the subscription crash test: runs a subscription whose projection keeps a read model of the notes
// in a SQLite file of its own, until it is killed. With "drain" it catches up, stops gracefully and exits.
//
// The read model is idempotent (a note's row moves only forward in version), so an event delivered again
// after a crash changes nothing; every delivery is also counted, per run, to tell redeliveries apart.
import Database from 'better-sqlite3'
import {
  SQLiteCheckpointRepository,
  SQLiteEventStore,
  SubscriptionManager,
  type StoredEvent,
} from 'eventsource-ts'
import { notesRegistry } from '../../support/notes.ts'

const [file, viewFile, run, mode] = process.argv.slice(2)
export const BATCH_SIZE = 25

const view = new Database(viewFile!)
view.pragma('journal_mode = WAL')
view.pragma('synchronous = NORMAL') // what survives a killed process, as the event store keeps it
view.exec(`
  CREATE TABLE IF NOT EXISTS notes (id TEXT PRIMARY KEY, title TEXT, content TEXT, version INTEGER NOT NULL);
  -- One row a delivery: a position delivered twice in one run breaks the primary key, and the handler fails.
  CREATE TABLE IF NOT EXISTS deliveries (position INTEGER NOT NULL, run TEXT NOT NULL, PRIMARY KEY (position, run));
`)
const upsert = view.prepare(`
  INSERT INTO notes (id, title, content, version) VALUES (@id, @title, @content, @version)
  ON CONFLICT (id) DO UPDATE SET title = coalesce(@title, title), content = @content, version = @version
  WHERE @version > notes.version`)
const delivered = view.prepare(
  'INSERT INTO deliveries (position, run) VALUES (?, ?)',
)
const apply = view.transaction(({ event, globalPosition }: StoredEvent) => {
  const { title, content } = event as unknown as {
    title?: string
    content: string
  }
  upsert.run({
    id: event.aggregateId,
    title: title ?? null,
    content,
    version: event.aggregateVersion,
  })
  delivered.run(globalPosition, run)
})

const store = new SQLiteEventStore(file!, { eventRegistry: notesRegistry })
await store.initialize()
const subscriptions = new SubscriptionManager({
  eventStore: store,
  checkpointRepository: new SQLiteCheckpointRepository(store),
  pollInterval: 20,
})
subscriptions.subscribe(
  { name: 'notes-view', handle: (stored) => apply(stored) },
  { batchSize: BATCH_SIZE, retry: { maxAttempts: 1 } },
)
console.log('started')
await subscriptions.start()
if (mode === 'drain') {
  await subscriptions.waitForPosition()
  await subscriptions.stop()
  await store.close()
  view.close()
  console.log('drained')
} else {
  console.log('live')
  // Runs until killed; a failed subscription (a delivery twice in one run) ends the process with its error.
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    const { state, lastError } = subscriptions.status('notes-view')
    if (state === 'failed') throw lastError
  }
}
