/** In-memory SQLite: a real database that lives while its store is open. */
import { randomUUID } from 'node:crypto'
import {
  AggregateRepository,
  SQLITE_AVAILABLE,
  SQLiteEventStore,
} from 'eventsource-ts'
import { NoteAggregate, NoteCreated } from '../notes.ts'

export default async function inMemory(): Promise<void> {
  // #region sqlite-available
  console.log(`SQLite driver available: ${SQLITE_AVAILABLE}`)
  if (!SQLITE_AVAILABLE)
    console.log('Reinstall it with: npm rebuild better-sqlite3')
  // #endregion sqlite-available

  let usedStore: SQLiteEventStore // to look at once the block has ended
  {
    // #region in-memory
    // `await using` closes the store when this block ends, even on a throw.
    await using store = new SQLiteEventStore(':memory:')
    await store.initialize() // opens the database and creates the schema

    const noteId = randomUUID()
    const event = new NoteCreated({
      aggregateId: noteId,
      aggregateVersion: 1,
      title: 'Meeting Notes',
      content: 'Discuss Q4 roadmap',
    })
    const result = await store.appendEvents({
      aggregateId: noteId,
      aggregateType: 'Note',
      events: [event],
      expectedVersion: 0,
    })
    const { newVersion, globalPosition } = result
    console.log(
      `Stored ${event.eventType}: version ${newVersion}, ` +
        `global position ${globalPosition}`,
    )

    const stream = await store.getEvents(noteId, 'Note')
    const { events, version } = stream
    console.log(
      `Loaded ${events.length} event back, stream at version ${version}`,
    )
    // #endregion in-memory

    // #region repository
    const notes = new AggregateRepository({
      eventStore: store,
      aggregateFactory: NoteAggregate,
      aggregateType: 'Note',
    })
    const note = await notes.load(noteId)
    note.update('Updated: Discuss Q4 roadmap and budget')
    await notes.save(note)
    const { title, content } = note.state
    console.log(
      `Updated "${title}" through a repository: version ${note.version}, ` +
        `content "${content}"`,
    )
    // #endregion repository
    usedStore = store
  }

  // #region gone
  // The block has ended, so `await using` has closed its store, and the
  // :memory: database went with it.
  console.log(`After the block: isConnected ${usedStore.isConnected}`)
  await using fresh = new SQLiteEventStore(':memory:')
  await fresh.initialize()
  const position = await fresh.getGlobalPosition()
  console.log(`A new :memory: store starts empty: global position ${position}`)
  // #endregion gone
}
