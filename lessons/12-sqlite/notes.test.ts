/**
 * The lesson's tests, on the fixtures of note-fixtures.ts. `npm run lesson 12`
 * runs them with vitest.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect } from 'vitest'
import type { SQLiteEventStore } from 'eventsource-ts'
import { test } from './note-fixtures.ts'

// #region tests
describe('NoteAggregate on a fresh SQLite store', () => {
  test('creates a note at version 1', async ({ noteRepository }) => {
    const note = noteRepository.createNew(randomUUID())
    note.create('Test Note', 'Test content')
    await noteRepository.save(note)
    expect(note.version).toBe(1)
    expect(note.state.title).toBe('Test Note')
  })

  test('loads a saved note back', async ({ noteRepository }) => {
    const note = noteRepository.createNew(randomUUID())
    note.create('Load Test', 'Content')
    await noteRepository.save(note)
    const loaded = await noteRepository.load(note.aggregateId)
    expect(loaded.state.title).toBe('Load Test')
  })

  test('starts every test with an empty database', async ({ eventStore }) => {
    // The notes saved above are not here.
    expect(await eventStore.getGlobalPosition()).toBe(0)
  })
})
// #endregion tests

// #region closed
describe('the eventStore fixture', () => {
  const seen: SQLiteEventStore[] = []
  test('opens a store for a test', async ({ eventStore }) => {
    seen.push(eventStore)
    expect(eventStore.isConnected).toBe(true)
  })

  test('closed it after that test, and opens another', async ({
    eventStore,
  }) => {
    expect(seen[0]?.isConnected).toBe(false)
    expect(eventStore).not.toBe(seen[0])
  })
})
// #endregion closed
