/**
 * Vitest fixtures for the lesson's tests: `test.extend` is vitest's answer to
 * pytest fixtures. A fixture sets something up, hands it to the test with
 * `use(...)`, and tears it down when `use` returns.
 */
import { test as base } from 'vitest'
import {
  AggregateRepository,
  EventRegistry,
  SQLiteEventStore,
} from 'eventsource-ts'
import { NoteAggregate, registerNoteEvents } from './notes.ts'

// #region fixtures
export interface NoteFixtures {
  eventStore: SQLiteEventStore
  noteRepository: AggregateRepository<NoteAggregate>
}

export const test = base.extend<NoteFixtures>({
  // A fresh in-memory database for every test that asks for `eventStore`.
  eventStore: async ({}, use) => {
    await using store = new SQLiteEventStore({
      database: ':memory:',
      // A registry that knows the events the store will hold.
      eventRegistry: registerNoteEvents(new EventRegistry()),
      walMode: false, // SQLite has no WAL for :memory:
    })
    await store.initialize()
    await use(store) // the test runs here
  }, // `await using` closes the store when the test is done

  // Fixtures can use fixtures: the repository gets this test's store.
  noteRepository: async ({ eventStore }, use) => {
    await use(
      new AggregateRepository({
        eventStore,
        aggregateFactory: NoteAggregate,
        aggregateType: 'Note',
      }),
    )
  },
})
// #endregion fixtures
