import { describe, expect, it, vi } from 'vitest'
import {
  AggregateRepository,
  DeclarativeAggregate,
  InMemoryEventStore,
  InvalidArgumentError,
  isEventSourceError,
  UnhandledEventError,
} from 'eventsource-ts'
import {
  NoteAggregate,
  NoteCreated,
  NoteUpdated,
  notesRegistry,
  type NoteState,
} from '../support/notes.ts'

/** The lesson's note, with a handler an event class instead of one apply(). */
class DeclarativeNote extends DeclarativeAggregate<NoteState> {
  static readonly aggregateType = 'Note'

  constructor(aggregateId: string) {
    super(aggregateId)
    this.on(NoteCreated, (event) => {
      this.state = { ...this.state, title: event.title, content: event.content }
    })
    this.on(NoteUpdated, (event) => {
      this.state = { ...this.state, content: event.content }
    })
  }

  protected getInitialState(): NoteState {
    return { noteId: this.aggregateId, title: '', content: '' }
  }

  create(title: string, content: string): void {
    this.applyEvent(
      new NoteCreated({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        title,
        content,
      }),
    )
  }
}

/** Knows only NoteCreated, with the policy given. */
const onlyCreated = (policy: 'ignore' | 'warn' | 'error') =>
  class extends DeclarativeAggregate<{ title: string }> {
    static readonly aggregateType = 'Note'
    static override readonly unhandledEvents = policy
    constructor(aggregateId: string) {
      super(aggregateId)
      this.on(NoteCreated, (event) => {
        this.state = { title: event.title }
      })
    }
    protected getInitialState() {
      return { title: '' }
    }
  }

const history = (aggregateId: string) => [
  new NoteCreated({ aggregateId, title: 'T', content: 'v1' }),
  new NoteUpdated({ aggregateId, aggregateVersion: 2, content: 'v2' }),
]

describe('DeclarativeAggregate', () => {
  it('applies each event with the handler of its class, like a hand-written apply()', () => {
    const declarative = new DeclarativeNote('n-1')
    declarative.loadFromHistory(history('n-1'))
    const handWritten = new NoteAggregate('n-1')
    handWritten.loadFromHistory(history('n-1'))
    expect(declarative.state).toEqual(handWritten.state)
    expect(declarative.version).toBe(2)
    expect(declarative.handledEventTypes).toEqual([
      'NoteCreated',
      'NoteUpdated',
    ])
  })

  it('saves and loads through a repository', async () => {
    await using store = new InMemoryEventStore({ eventRegistry: notesRegistry })
    await store.initialize()
    const notes = new AggregateRepository({
      eventStore: store,
      aggregateFactory: DeclarativeNote,
    })
    const note = notes.createNew('n-2')
    note.create('Saved', 'body')
    await notes.save(note)
    expect((await notes.load('n-2')).state.title).toBe('Saved')
  })

  it('ignores an event with no handler by default, warns or throws when told to', () => {
    const ignoring = new (onlyCreated('ignore'))('n-3')
    ignoring.loadFromHistory(history('n-3'))
    expect(ignoring.version).toBe(2)

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      new (onlyCreated('warn'))('n-3').loadFromHistory(history('n-3'))
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining('has no handler for NoteUpdated events'),
      )
    } finally {
      warn.mockRestore()
    }

    const strict = new (onlyCreated('error'))('n-3')
    let thrown: unknown
    try {
      strict.loadFromHistory(history('n-3'))
    } catch (error) {
      thrown = error
    }
    expect(isEventSourceError(thrown, UnhandledEventError)).toBe(true)
    expect((thrown as UnhandledEventError).eventType).toBe('NoteUpdated')
    expect(String(thrown)).toMatch(
      /this\.on\(NoteUpdated, \(event\) => \{ \.\.\. \}\)/,
    )
    expect(strict.version, 'the event was not applied').toBe(1)
  })

  it('refuses a second handler for one class, and what is not an event class', () => {
    class Twice extends DeclarativeAggregate<object> {
      static readonly aggregateType = 'Note'
      constructor(id: string) {
        super(id)
        this.on(NoteCreated, () => {})
        this.on(NoteCreated, () => {})
      }
      protected getInitialState() {
        return {}
      }
    }
    expect(() => new Twice('x')).toThrow(
      /already has a handler for NoteCreated/,
    )
    class NotAnEvent extends DeclarativeAggregate<object> {
      static readonly aggregateType = 'Note'
      constructor(id: string) {
        super(id)
        this.on(Date as never, () => {})
      }
      protected getInitialState() {
        return {}
      }
    }
    expect(() => new NotAnEvent('x')).toThrow(InvalidArgumentError)
  })
})
