/** Exercise 12-1, a reference solution: vitest fixtures for a fresh SQLite store per test. */
import { randomUUID } from 'node:crypto'
import { test as base, expect } from 'vitest'
import {
  AggregateRepository,
  EventRegistry,
  SQLiteEventStore,
} from 'eventsource-ts'
import {
  NoteAggregate,
  registerNoteEvents,
} from '../../lessons/12-sqlite/notes.ts'

export interface NoteFixtures {
  eventStore: SQLiteEventStore
  noteRepository: AggregateRepository<NoteAggregate>
  savedNote: NoteAggregate
}

// #region fixtures
export const test = base.extend<NoteFixtures>({
  eventStore: async ({}, use) => {
    await using store = new SQLiteEventStore({
      database: ':memory:',
      eventRegistry: registerNoteEvents(new EventRegistry()),
      walMode: false,
    })
    await store.initialize()
    await use(store)
  }, // `await using` closes the store here, after the test

  noteRepository: async ({ eventStore }, use) => {
    await use(
      new AggregateRepository({
        eventStore,
        aggregateFactory: NoteAggregate,
        aggregateType: 'Note',
      }),
    )
  },

  // Built on noteRepository, so it is saved in this test's store. Fixtures are lazy: only tests that ask for
  // savedNote get one.
  savedNote: async ({ noteRepository }, use) => {
    const note = noteRepository.createNew(randomUUID())
    note.create('Saved Note', 'Saved content')
    await noteRepository.save(note)
    await use(note)
  },
})
// #endregion fixtures

// #region tests
test('saves a new note at version 1', async ({ noteRepository }) => {
  const note = noteRepository.createNew(randomUUID())
  note.create('Test Note', 'Test content')
  await noteRepository.save(note)
  expect(note.version).toBe(1)
  expect(note.state.title).toBe('Test Note')
})

test('loads the saved note back', async ({ noteRepository, savedNote }) => {
  const loaded = await noteRepository.load(savedNote.aggregateId)
  expect(loaded.state.title).toBe('Saved Note')
})

test('starts every test with an empty database', async ({ eventStore }) => {
  expect(await eventStore.getGlobalPosition()).toBe(0)
})
// #endregion tests
