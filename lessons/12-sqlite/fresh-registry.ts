/**
 * The fresh-registry pitfall. A store reads and writes only the event types
 * its registry knows. Give it a new, empty EventRegistry and it refuses the
 * first save (the Python original saved, then failed on load).
 */
import { randomUUID } from 'node:crypto'
import {
  AggregateRepository,
  EventRegistry,
  EventTypeNotFoundError,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'
import { NoteAggregate, registerNoteEvents } from './notes.ts'

const noteRepository = (eventStore: EventStore) =>
  new AggregateRepository({
    eventStore,
    aggregateFactory: NoteAggregate,
    aggregateType: 'Note',
  })

export async function freshRegistry(): Promise<void> {
  {
    // #region pitfall
    // Wrong: a new EventRegistry is empty: this store knows no event type.
    await using store = new SQLiteEventStore({
      database: ':memory:',
      eventRegistry: new EventRegistry(),
      walMode: false,
    })
    await store.initialize()
    const note = noteRepository(store).createNew(randomUUID())
    note.create('Test Note', 'Test content')
    try {
      await noteRepository(store).save(note)
    } catch (error) {
      if (!(error instanceof EventTypeNotFoundError)) throw error
      console.log(
        `Empty registry: save() throws ${error.name} for ` +
          `"${error.eventType}"; registered types: none`,
      )
      const position = await store.getGlobalPosition()
      console.log(
        `Nothing was written (global position ${position}); ` +
          'the note keeps its unsaved event',
      )
    }
    // #endregion pitfall
  }
  {
    // #region right-pattern
    // Right: register the events the store will hold in the registry you
    // give it, or leave eventRegistry out and the store uses defaultRegistry,
    // where defineEvent registered them.
    await using store = new SQLiteEventStore({
      database: ':memory:',
      eventRegistry: registerNoteEvents(new EventRegistry()),
      walMode: false,
    })
    await store.initialize()
    const notes = noteRepository(store)
    const note = notes.createNew(randomUUID())
    note.create('Test Note', 'Test content')
    await notes.save(note)
    const known = store.eventRegistry.list().join(' and ')
    console.log(`Registry with ${known}: saved at version ${note.version}`)
    // #endregion right-pattern
  }
}
