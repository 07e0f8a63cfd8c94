import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  AggregateNotFoundError,
  AggregateRepository,
  InvalidArgumentError,
  OptimisticLockError,
  SQLiteEventStore,
} from 'eventsource-ts'
import { NoteAggregate, notesRegistry } from '../support/notes.ts'

describe('AggregateRepository', () => {
  let store: SQLiteEventStore
  let repo: AggregateRepository<NoteAggregate>
  beforeEach(async () => {
    store = new SQLiteEventStore(':memory:', { eventRegistry: notesRegistry })
    await store.initialize()
    repo = new AggregateRepository({
      eventStore: store,
      aggregateFactory: NoteAggregate,
      aggregateType: 'Note',
    })
  })
  afterEach(() => store.close())

  it('createNew persists nothing; save stores the new events and marks them committed', async () => {
    const id = randomUUID()
    const note = repo.createNew(id)
    expect(await repo.exists(id)).toBe(false)
    note.create('Meeting Notes', 'Discuss Q4 roadmap')
    await repo.save(note)
    expect(note.uncommittedEvents).toHaveLength(0)
    expect(await repo.exists(id)).toBe(true)
    expect(await store.getStreamVersion(id, 'Note')).toBe(1)
  })

  it('save without changes is a no-op', async () => {
    const note = repo.createNew(randomUUID())
    await repo.save(note)
    expect(await store.getGlobalPosition()).toBe(0)
  })

  it('load rebuilds state and version; save after load appends at the right version', async () => {
    const id = randomUUID()
    const note = repo.createNew(id)
    note.create('T', 'a')
    await repo.save(note)
    const loaded = await repo.load(id)
    expect(loaded).toBeInstanceOf(NoteAggregate)
    expect(loaded.state).toEqual({ noteId: id, title: 'T', content: 'a' })
    loaded.update('b')
    loaded.update('c')
    await repo.save(loaded)
    expect((await repo.load(id)).version).toBe(3)
  })

  it('load of a missing aggregate throws AggregateNotFoundError with id and type', async () => {
    await expect(repo.load('missing')).rejects.toThrow(AggregateNotFoundError)
    await expect(repo.load('missing')).rejects.toMatchObject({
      aggregateId: 'missing',
      aggregateType: 'Note',
    })
  })

  it('loadOrCreate loads or starts fresh', async () => {
    const fresh = await repo.loadOrCreate('n-1')
    expect(fresh.version).toBe(0)
    fresh.create('T', 'c')
    await repo.save(fresh)
    expect((await repo.loadOrCreate('n-1')).version).toBe(1)
  })

  it('a concurrent change makes save throw OptimisticLockError and keeps the events uncommitted', async () => {
    const id = randomUUID()
    const note = repo.createNew(id)
    note.create('T', 'a')
    await repo.save(note)
    const first = await repo.load(id)
    const second = await repo.load(id)
    first.update('from first')
    await repo.save(first)
    second.update('from second')
    await expect(repo.save(second)).rejects.toThrow(OptimisticLockError)
    expect(second.uncommittedEvents).toHaveLength(1)
    expect((await repo.load(id)).state.content).toBe('from first')
  })

  it('takes the aggregate type from the class when not given, and refuses bad options', () => {
    expect(
      new AggregateRepository({
        eventStore: store,
        aggregateFactory: NoteAggregate,
      }).aggregateType,
    ).toBe('Note')
    expect(
      () =>
        new AggregateRepository({
          eventStore: store,
          aggregateFactory: NoteAggregate,
          aggregateType: 'Task',
        }),
    ).toThrow(InvalidArgumentError)
    expect(
      () =>
        new AggregateRepository({
          eventStore: {} as never,
          aggregateFactory: NoteAggregate,
        }),
    ).toThrow(/eventStore/)
    expect(
      () =>
        new AggregateRepository({
          eventStore: store,
          aggregateFactory: class {} as never,
        }),
    ).toThrow(/AggregateRoot/)
  })

  it('refuses a bad id', async () => {
    await expect(repo.load('')).rejects.toThrow(InvalidArgumentError)
    await expect(repo.exists(42 as never)).rejects.toThrow(InvalidArgumentError)
  })
})
