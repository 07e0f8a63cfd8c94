import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  AggregateRepository,
  EventPublishError,
  InMemoryEventBus,
  InMemoryEventStore,
  InvalidArgumentError,
  isEventSourceError,
  OptimisticLockError,
  type DomainEvent,
} from 'eventsource-ts'
import {
  NoteAggregate,
  NoteCreated,
  NoteUpdated,
  notesRegistry,
} from '../support/notes.ts'

const created = (aggregateId = randomUUID()) =>
  new NoteCreated({ aggregateId, title: 'T', content: 'c' })
const updated = (aggregateId: string, aggregateVersion = 2) =>
  new NoteUpdated({ aggregateId, aggregateVersion, content: 'd' })

describe('InMemoryEventBus', () => {
  it('delivers by event class (typed), by type name and to all, in order; unsubscribing stops it', async () => {
    const bus = new InMemoryEventBus()
    const seen: string[] = []
    const off = bus.subscribe(NoteCreated, (event) => {
      seen.push(`class:${event.title}`) // `title` types: the handler gets a NoteCreated
    })
    bus.subscribe(
      'NoteUpdated',
      (event) => void seen.push(`name:${event.eventType}`),
    )
    bus.subscribeAll((event) => void seen.push(`all:${event.eventType}`))
    const note = created()
    await bus.publish([note, updated(note.aggregateId)])
    expect(seen).toEqual([
      'class:T',
      'all:NoteCreated',
      'name:NoteUpdated',
      'all:NoteUpdated',
    ])
    off()
    off()
    seen.length = 0
    await bus.publish([created()])
    expect(seen).toEqual(['all:NoteCreated'])
  })

  it('runs every handler when some fail, then reports each failure in one EventPublishError', async () => {
    const bus = new InMemoryEventBus()
    const ran: string[] = []
    bus.subscribe(NoteCreated, function sendEmail() {
      throw new Error('mail server down')
    })
    bus.subscribe(NoteCreated, async function updateSearch() {
      ran.push('search')
    })
    bus.subscribeAll(async (event) => {
      if (event.eventType === 'NoteUpdated') throw new Error('audit full')
      ran.push('audit')
    })
    const note = created()
    const error = await bus
      .publish([note, updated(note.aggregateId)])
      .catch((e: unknown) => e)
    expect(ran).toEqual(['search', 'audit'])
    expect(isEventSourceError(error, EventPublishError)).toBe(true)
    const { failures, message } = error as EventPublishError
    expect(failures.map((f) => [f.handler, f.event?.eventType])).toEqual([
      ['sendEmail', 'NoteCreated'],
      ['anonymous', 'NoteUpdated'],
    ])
    expect(message).toMatch(/2 event handlers failed: sendEmail on NoteCreated/)
    expect(message).toMatch(/Every other handler ran/)
  })

  it('refuses what is not an event class, a type name, a handler or a list of events', async () => {
    const bus = new InMemoryEventBus()
    for (const bad of [undefined, '', 42, class {}, {}])
      expect(() => bus.subscribe(bad as never, () => undefined)).toThrow(
        InvalidArgumentError,
      )
    expect(() => bus.subscribe(NoteCreated, 'nope' as never)).toThrow(
      /handler must be a function/,
    )
    expect(() => bus.subscribeAll(undefined as never)).toThrow(
      InvalidArgumentError,
    )
    await expect(bus.publish(created() as never)).rejects.toThrow(
      InvalidArgumentError,
    )
    await expect(bus.publish([{}] as never)).rejects.toThrow(
      InvalidArgumentError,
    )
  })
})

describe('AggregateRepository with an eventPublisher', () => {
  const setUp = async () => {
    const store = new InMemoryEventStore({ eventRegistry: notesRegistry })
    await store.initialize()
    const bus = new InMemoryEventBus()
    const repository = new AggregateRepository({
      eventStore: store,
      aggregateFactory: NoteAggregate,
      eventPublisher: bus,
    })
    return { store, bus, repository }
  }

  it('publishes the saved events after the commit, and nothing when the save fails', async () => {
    const { store, bus, repository } = await setUp()
    const published: [string, number][] = []
    bus.subscribeAll(async (event: DomainEvent) => {
      // The commit happened first: the event is in the store when its handler runs.
      published.push([
        event.eventType,
        await store.getStreamVersion(event.aggregateId, 'Note'),
      ])
    })
    const note = repository.createNew('n1')
    note.create('T', 'a')
    note.update('b')
    await repository.save(note)
    expect(published).toEqual([
      ['NoteCreated', 2],
      ['NoteUpdated', 2],
    ])
    const stale = await repository.load('n1')
    note.update('c')
    await repository.save(note)
    stale.update('conflict')
    await expect(repository.save(stale)).rejects.toThrow(OptimisticLockError)
    expect(published).toHaveLength(3)
  })

  it('keeps the save when a handler fails, and says so in an EventPublishError', async () => {
    const { store, bus, repository } = await setUp()
    bus.subscribe(NoteCreated, function project() {
      throw new Error('read model offline')
    })
    const note = repository.createNew('n2')
    note.create('T', 'a')
    const error = await repository.save(note).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EventPublishError)
    expect(error).toMatchObject({
      saved: { aggregateId: 'n2', aggregateType: 'Note', version: 1 },
      failures: [expect.objectContaining({ handler: 'project' })],
    })
    expect((error as Error).message).toMatch(
      /Note n2 was saved \(version 1\).*read model offline.*do not save it again/,
    )
    expect(note.uncommittedEvents).toEqual([])
    expect(await store.getStreamVersion('n2', 'Note')).toBe(1)
  })

  it('wraps a publisher of its own that fails as a whole', async () => {
    const store = new InMemoryEventStore({ eventRegistry: notesRegistry })
    await store.initialize()
    class Outbox {
      async publish(): Promise<void> {
        throw new Error('broker unreachable')
      }
    }
    const repository = new AggregateRepository({
      eventStore: store,
      aggregateFactory: NoteAggregate,
      eventPublisher: new Outbox(),
    })
    const note = repository.createNew('n3')
    note.create('T', 'a')
    await expect(repository.save(note)).rejects.toMatchObject({
      code: 'EVENT_PUBLISH',
      failures: [{ event: undefined, handler: 'Outbox' }],
    })
    expect(
      () =>
        new AggregateRepository({
          eventStore: store,
          aggregateFactory: NoteAggregate,
          eventPublisher: {} as never,
        }),
    ).toThrow(/eventPublisher must be an object with publish\(\)/)
  })
})
