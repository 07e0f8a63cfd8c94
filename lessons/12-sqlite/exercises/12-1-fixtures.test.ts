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
import type { AggregateRepository, SQLiteEventStore } from 'eventsource-ts'
import type { NoteAggregate } from '../notes.ts'
import { todo } from '../../todo.ts'

export interface NoteFixtures {
  eventStore: SQLiteEventStore
  noteRepository: AggregateRepository<NoteAggregate>
  savedNote: NoteAggregate
}

export const test = base.extend<NoteFixtures>({
  eventStore: async ({}, use) => {
    // TODO: create a SQLiteEventStore on ':memory:' whose eventRegistry
    //       knows NoteCreated and NoteUpdated, initialize it, hand it to
    //       the test with `await use(store)`, and close it afterwards.
    todo('the eventStore fixture')
  },

  noteRepository: async ({ eventStore }, use) => {
    // TODO: hand the test an AggregateRepository for NoteAggregate
    //       (aggregateType 'Note') on `eventStore`.
    todo('the noteRepository fixture')
  },

  // Built on noteRepository, so it is saved in this test's store. Fixtures
  // are lazy: only the tests that ask for savedNote get one.
  savedNote: async ({ noteRepository }, use) => {
    // TODO: create a note with a new id, call
    //       note.create('Saved Note', 'Saved content'), save it with
    //       `noteRepository`, and hand it to the test.
    todo('the savedNote fixture')
  },
})

// Your tests. Each gets its own fixtures, set up for it, torn down after it.

test('saves a new note at version 1', async ({ noteRepository }) => {
  const note = noteRepository.createNew(randomUUID())
  note.create('Test Note', 'Test content')
  // TODO: save the note, then expect its version to be 1 and its title to
  //       be 'Test Note'.
  todo('the "saves a new note" test')
})

test('loads the saved note back', async ({ noteRepository, savedNote }) => {
  // TODO: load savedNote.aggregateId with noteRepository and expect the
  //       loaded title to be 'Saved Note'.
  todo('the "loads the saved note back" test')
})

test('starts every test with an empty database', async ({ eventStore }) => {
  // TODO: the notes saved by the tests above must not be here: expect the
  //       store's global position (await eventStore.getGlobalPosition())
  //       to be 0.
  todo('the "empty database" test')
})
