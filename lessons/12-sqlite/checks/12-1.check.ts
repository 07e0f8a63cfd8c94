/**
 * Checks exercise 12-1 (vitest fixtures). The answer's own tests run first,
 * inside its describe block; then these checks use the answer's `test`, so its
 * fixtures are exercised exactly as vitest runs them.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, expect, test as plainTest } from 'vitest'
import { AggregateRepository, SQLiteEventStore } from 'eventsource-ts'
import { NoteAggregate, NoteCreated, NoteUpdated } from '../notes.ts'
import {
  checkTargets,
  importTarget,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/12-sqlite/12-1-fixtures.test.ts')

for (const target of await checkTargets('12-1')) {
  describe(target.label, async () => {
    // Importing the answer registers its own tests here, in this
    // describe block.
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        plainTest('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { test } = loaded.module

    describe('checks', () => {
      test('eventStore is a new SQLiteEventStore on ":memory:", initialized', ({
        eventStore,
      }) => {
        assert.ok(
          eventStore instanceof SQLiteEventStore,
          `eventStore must be a SQLiteEventStore, got ${eventStore}`,
        )
        expect(
          eventStore.database,
          'eventStore must use an in-memory database',
        ).toBe(':memory:')
        assert.ok(
          eventStore.isConnected,
          'eventStore is not connected while the test runs: call ' +
            '`await store.initialize()` before `await use(store)`, and close ' +
            'the store only after use() returns. Without the `await` before ' +
            'use(store), the fixture ends, and closes the store, before the ' +
            'test begins.',
        )
      })

      test(
        "eventStore's registry knows NoteCreated and NoteUpdated: " +
          'a note saves and reads back',
        async ({ eventStore }) => {
          const known = eventStore.eventRegistry.list()
          const missing = ['NoteCreated', 'NoteUpdated'].filter(
            (type) => !known.includes(type),
          )
          const knownTypes =
            known.length > 0 ? known.join(', ') : 'no event types'
          assert.ok(
            missing.length === 0,
            `The store's registry lacks ${missing.join(' and ')} ` +
              `(it knows ${knownTypes}): a store saves and loads only ` +
              'the event types its registry knows. Give it one with the ' +
              'note events, registerNoteEvents(new EventRegistry()), ' +
              'or leave eventRegistry out to use defaultRegistry.',
          )
          const noteId = randomUUID()
          const events = [
            new NoteCreated({
              aggregateId: noteId,
              title: 'Registry check',
              content: 'first',
            }),
            new NoteUpdated({
              aggregateId: noteId,
              aggregateVersion: 2,
              content: 'second',
            }),
          ]
          await eventStore.appendEvents({
            aggregateId: noteId,
            aggregateType: 'Note',
            events,
            expectedVersion: 0,
          })
          const stream = await eventStore.getEvents(noteId, 'Note')
          expect(stream.events.map((event) => event.eventType)).toEqual([
            'NoteCreated',
            'NoteUpdated',
          ])
        },
      )

      test(
        'noteRepository is an AggregateRepository for NoteAggregate ' +
          'on the same eventStore',
        async ({ eventStore, noteRepository }) => {
          assert.ok(
            noteRepository instanceof AggregateRepository,
            'noteRepository must be an AggregateRepository, ' +
              `got ${noteRepository}`,
          )
          assert.ok(
            noteRepository.eventStore === eventStore,
            "noteRepository must use this test's eventStore: " +
              "take it from the fixture's first argument",
          )
          assert.ok(
            noteRepository.aggregateFactory === NoteAggregate,
            'noteRepository must build NoteAggregate: ' +
              'aggregateFactory: NoteAggregate',
          )
          const note = noteRepository.createNew(randomUUID())
          note.create('Repository check', 'content')
          await noteRepository.save(note)
          expect(
            (await noteRepository.load(note.aggregateId)).state.title,
          ).toBe('Repository check')
        },
      )

      test(
        'savedNote is "Saved Note", saved at version 1 ' +
          "in this test's store",
        async ({ eventStore, savedNote }) => {
          assert.ok(
            savedNote instanceof NoteAggregate,
            `savedNote must be a NoteAggregate, got ${savedNote}`,
          )
          expect(savedNote.state.title).toBe('Saved Note')
          expect(savedNote.state.content).toBe('Saved content')
          expect(
            savedNote.uncommittedEvents,
            'save savedNote with noteRepository.save(note) before use(note)',
          ).toHaveLength(0)
          expect(
            await eventStore.getStreamVersion(savedNote.aggregateId, 'Note'),
            "savedNote must be saved in this test's eventStore",
          ).toBe(1)
        },
      )

      const seen: SQLiteEventStore[] = []
      test('fresh database, step 1: a test saves a note', async ({
        eventStore,
        savedNote,
      }) => {
        seen.push(eventStore)
        expect(
          await eventStore.getStreamVersion(savedNote.aggregateId, 'Note'),
        ).toBe(1)
      })

      test(
        'fresh database, step 2: the next test gets another store, ' +
          'with no events in it',
        async ({ eventStore }) => {
          if (seen.length !== 1)
            throw new Error(
              'Step 1 did not get its store: fix the checks above first.',
            )
          seen.push(eventStore)
          assert.ok(
            eventStore !== seen[0],
            'This test got the same store as the one before: ' +
              'create the store inside the fixture function, ' +
              'not once for the file.',
          )
          expect(
            await eventStore.getGlobalPosition(),
            "the previous test's note is still here: " +
              "each test needs a new ':memory:' database",
          ).toBe(0)
        },
      )

      plainTest('the store of each test is closed after it', () => {
        if (seen.length !== 2)
          throw new Error(
            'Steps 1 and 2 did not get their stores: ' +
              'fix the checks above first.',
          )
        assert.ok(
          seen.every((store) => !store.isConnected),
          'A store is still open after its test: close the store once ' +
            'use() returns, with `await using store = ...` or ' +
            '`await store.close()` after `await use(store)`.',
        )
      })

      plainTest('your own tests: at least 3, all passing', ({ task }) => {
        const own =
          task.suite?.suite?.tasks.filter((t) => t.type === 'test') ?? []
        const failing = own
          .filter((t) => t.result?.state !== 'pass')
          .map((t) => `"${t.name}"`)
        if (own.length < 3)
          throw new Error(
            `The file has ${own.length} tests of its own: ` +
              'keep the three at the bottom (add more if you like).',
          )
        if (failing.length > 0)
          throw new Error(
            `Your tests ${failing.join(', ')} fail: ` +
              'their errors are listed with them.',
          )
      })
    })
  })
}
