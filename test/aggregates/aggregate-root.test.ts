import { describe, expect, it } from 'vitest'
import {
  AggregateRoot,
  EventVersionError,
  InvalidArgumentError,
  type DomainEvent,
} from 'eventsource-ts'
import { NoteAggregate, NoteCreated, NoteUpdated } from '../support/notes.ts'

describe('AggregateRoot', () => {
  it('starts at version 0 with the initial state and no changes', () => {
    const note = new NoteAggregate('note-1')
    expect(note.aggregateId).toBe('note-1')
    expect(note.aggregateType).toBe('Note')
    expect(note.version).toBe(0)
    expect(note.getNextVersion()).toBe(1)
    expect(note.state).toEqual({ noteId: 'note-1', title: '', content: '' })
    expect(note.uncommittedEvents).toEqual([])
  })

  it('applies and records new events', () => {
    const note = new NoteAggregate('note-1')
    note.create('Title', 'Body')
    note.update('Body 2')
    expect(note.version).toBe(2)
    expect(note.state).toEqual({
      noteId: 'note-1',
      title: 'Title',
      content: 'Body 2',
    })
    expect(note.uncommittedEvents.map((e) => e.eventType)).toEqual([
      'NoteCreated',
      'NoteUpdated',
    ])
    note.markEventsAsCommitted()
    expect(note.uncommittedEvents).toEqual([])
    expect(note.version).toBe(2)
  })

  it('rebuilds from history without recording', () => {
    const history = [
      new NoteCreated({
        aggregateId: 'n',
        aggregateVersion: 1,
        title: 'T',
        content: 'a',
      }),
      new NoteUpdated({ aggregateId: 'n', aggregateVersion: 2, content: 'b' }),
    ]
    const note = new NoteAggregate('n')
    note.loadFromHistory(history)
    expect(note).toMatchObject({
      version: 2,
      state: { title: 'T', content: 'b' },
    })
    expect(note.uncommittedEvents).toHaveLength(0)
  })

  it('refuses an event out of order with EventVersionError', () => {
    const note = new NoteAggregate('n')
    const error = (() => {
      try {
        note.applyEvent(
          new NoteCreated({
            aggregateId: 'n',
            aggregateVersion: 2,
            title: 'T',
            content: 'c',
          }),
        )
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(EventVersionError)
    expect(error).toMatchObject({
      aggregateId: 'n',
      expectedVersion: 1,
      actualVersion: 2,
    })
    expect(note.version).toBe(0)
    expect(note.uncommittedEvents).toHaveLength(0)
  })

  it('refuses an event of another aggregate', () => {
    const note = new NoteAggregate('n')
    expect(() =>
      note.applyEvent(
        new NoteCreated({ aggregateId: 'other', title: 'T', content: 'c' }),
      ),
    ).toThrow(EventVersionError)
    expect(() =>
      note.loadFromHistory([
        new NoteCreated({ aggregateId: 'other', title: 'T', content: 'c' }),
      ]),
    ).toThrow(/belongs to Note other/)
  })

  it('refuses a bad aggregate id, and a class without its type', () => {
    expect(() => new NoteAggregate('')).toThrow(InvalidArgumentError)
    expect(() => new NoteAggregate(7 as never)).toThrow(InvalidArgumentError)
    class Untyped extends AggregateRoot<object> {
      protected getInitialState() {
        return {}
      }
      protected apply(_: DomainEvent) {}
    }
    expect(() => new Untyped('x')).toThrow(
      /static readonly aggregateType = 'Untyped'/,
    )
  })

  it('hides the uncommitted list from outside changes', () => {
    const note = new NoteAggregate('n')
    note.create('T', 'c')
    ;(note.uncommittedEvents as DomainEvent[]).length = 0
    expect(note.uncommittedEvents).toHaveLength(1)
  })
})
