/**
 * Exercise 12-1: vitest fixtures for a fresh SQLite store per test.
 *
 * Write three fixtures with `test.extend` (vitest's take on pytest fixtures):
 *   - eventStore: a new, initialized SQLiteEventStore on ':memory:' for
 *     every test, whose registry knows the lesson's note events, closed
 *     after the test;
 *   - noteRepository: an AggregateRepository for NoteAggregate on that
 *     same store;
 *   - savedNote: a NoteAggregate already created ("Saved Note", "Saved
 *     content") and saved.
 * Then finish the three tests at the bottom: they prove that each test gets
 * a fresh database.
 *
 * Check your work with `npm run verify 12-1`. Stuck? `npm run hint 12-1`.
 */
import { randomUUID } from 'node:crypto'
import { test as base, expect } from 'vitest'
// #todo imports
// #stub import type {
// #stub   AggregateRepository,
// #stub   SQLiteEventStore,
// #stub } from 'eventsource-ts'
// #stub import type { NoteAggregate } from '../../lessons/12-sqlite/notes.ts'
// #answer
import {
  AggregateRepository,
  EventRegistry,
  SQLiteEventStore,
} from 'eventsource-ts'
import {
  NoteAggregate,
  registerNoteEvents,
} from '../../lessons/12-sqlite/notes.ts'
// #endtodo

export interface NoteFixtures {
  eventStore: SQLiteEventStore
  noteRepository: AggregateRepository<NoteAggregate>
  savedNote: NoteAggregate
}

// #region fixtures
export const test = base.extend<NoteFixtures>({
  eventStore: async ({}, use) => {
    // #todo the eventStore fixture
    // TODO: create a SQLiteEventStore on ':memory:' whose eventRegistry
    //       knows NoteCreated and NoteUpdated, initialize it, hand it to
    //       the test with `await use(store)`, and close it afterwards.
    // #answer
    await using store = new SQLiteEventStore({
      database: ':memory:',
      eventRegistry: registerNoteEvents(new EventRegistry()),
    })
    await store.initialize()
    await use(store) // `await using` closes the store once the test is done
    // #endtodo
  },

  noteRepository: async ({ eventStore }, use) => {
    // #todo the noteRepository fixture
    // TODO: hand the test an AggregateRepository for NoteAggregate
    //       (aggregateType 'Note') on `eventStore`.
    // #answer
    await use(
      new AggregateRepository({
        eventStore,
        aggregateFactory: NoteAggregate,
        aggregateType: 'Note',
      }),
    )
    // #endtodo
  },

  // Built on noteRepository, so it is saved in this test's store. Fixtures
  // are lazy: only the tests that ask for savedNote get one.
  savedNote: async ({ noteRepository }, use) => {
    // #todo the savedNote fixture
    // TODO: create a note with a new id, call
    //       note.create('Saved Note', 'Saved content'), save it with
    //       `noteRepository`, and hand it to the test.
    // #answer
    const note = noteRepository.createNew(randomUUID())
    note.create('Saved Note', 'Saved content')
    await noteRepository.save(note)
    await use(note)
    // #endtodo
  },
})
// #endregion fixtures

// #region tests
// Your tests. Each gets its own fixtures, set up for it, torn down after it.

test('saves a new note at version 1', async ({ noteRepository }) => {
  const note = noteRepository.createNew(randomUUID())
  note.create('Test Note', 'Test content')
  // #todo the "saves a new note" test
  // TODO: save the note, then expect its version to be 1 and its title to
  //       be 'Test Note'.
  // #answer
  await noteRepository.save(note)
  expect(note.version).toBe(1)
  expect(note.state.title).toBe('Test Note')
  // #endtodo
})

test('loads the saved note back', async ({ noteRepository, savedNote }) => {
  // #todo the "loads the saved note back" test
  // TODO: load savedNote.aggregateId with noteRepository and expect the
  //       loaded title to be 'Saved Note'.
  // #answer
  const loaded = await noteRepository.load(savedNote.aggregateId)
  expect(loaded.state.title).toBe('Saved Note')
  // #endtodo
})

test('starts every test with an empty database', async ({ eventStore }) => {
  // #todo the "empty database" test
  // TODO: the notes saved by the tests above must not be here: expect the
  //       store's global position (await eventStore.getGlobalPosition())
  //       to be 0.
  // #answer
  expect(await eventStore.getGlobalPosition()).toBe(0)
  // #endtodo
})
// #endregion tests
