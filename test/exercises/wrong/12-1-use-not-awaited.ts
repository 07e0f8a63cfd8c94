/** Wrong answer to 12-1: `use(store)` without await, so the fixture closes the store before the test runs. */
import { randomUUID } from 'node:crypto'
import { test as base } from 'vitest'
import { AggregateRepository, SQLiteEventStore } from 'eventsource-ts'
import { NoteAggregate } from '../../../lessons/12-sqlite/notes.ts'
import type { NoteFixtures } from '../../../solutions/12-sqlite/12-1-fixtures.test.ts'
import { ownTests } from './12-1-own-tests.ts'

export const test = base.extend<NoteFixtures>({
  eventStore: async ({}, use) => {
    await using store = new SQLiteEventStore(':memory:', { walMode: false })
    await store.initialize()
    void use(store)
  },
  noteRepository: async ({ eventStore }, use) => {
    await use(
      new AggregateRepository({
        eventStore,
        aggregateFactory: NoteAggregate,
        aggregateType: 'Note',
      }),
    )
  },
  savedNote: async ({ noteRepository }, use) => {
    const note = noteRepository.createNew(randomUUID())
    note.create('Saved Note', 'Saved content')
    await noteRepository.save(note)
    await use(note)
  },
})

ownTests(test)
