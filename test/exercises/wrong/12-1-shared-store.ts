/** Wrong answer to 12-1: one store for the whole file, so tests see each other's notes. */
import { randomUUID } from 'node:crypto'
import { test as base } from 'vitest'
import { AggregateRepository, SQLiteEventStore } from 'eventsource-ts'
import { NoteAggregate } from '../../../lessons/12-sqlite/notes.ts'
import type { NoteFixtures } from '../../../solutions/12-sqlite/12-1-fixtures.test.ts'
import { ownTests } from './12-1-own-tests.ts'

const shared = new SQLiteEventStore(':memory:')

export const test = base.extend<NoteFixtures>({
  eventStore: async ({}, use) => {
    await shared.initialize()
    await use(shared)
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
