/** The tests a learner writes for 12-1, shared by the wrong answers so that only their fixtures differ. */
import { randomUUID } from 'node:crypto'
import { expect, type TestAPI } from 'vitest'
import type { NoteFixtures } from '../../../solutions/12-sqlite/12-1-fixtures.test.ts'

export function ownTests(test: TestAPI<NoteFixtures>): void {
  test('saves a new note at version 1', async ({ noteRepository }) => {
    const note = noteRepository.createNew(randomUUID())
    note.create('Test Note', 'Test content')
    await noteRepository.save(note)
    expect(note.version).toBe(1)
  })

  test('loads the saved note back', async ({ noteRepository, savedNote }) => {
    expect((await noteRepository.load(savedNote.aggregateId)).state.title).toBe(
      'Saved Note',
    )
  })

  test('starts every test with an empty database', async ({ eventStore }) => {
    expect(await eventStore.getGlobalPosition()).toBe(0)
  })
}
