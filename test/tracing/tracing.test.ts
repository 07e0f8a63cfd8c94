import { randomUUID } from 'node:crypto'
import { context, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  AggregateRepository,
  InMemoryEventStore,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'
import { NoteAggregate, notesRegistry } from '../support/notes.ts'

const exporter = new InMemorySpanExporter()
const contextManager = new AsyncLocalStorageContextManager()
beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable())
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    }),
  )
})
afterAll(() => {
  trace.disable()
  context.disable()
})
beforeEach(() => exporter.reset())

async function exercise(store: EventStore): Promise<string> {
  await store.initialize()
  const repo = new AggregateRepository({
    eventStore: store,
    aggregateFactory: NoteAggregate,
  })
  const id = randomUUID()
  const note = repo.createNew(id)
  note.create('T', 'c')
  await repo.save(note)
  await repo.load(id)
  await store.getEvents(id, 'Note')
  for await (const _ of store.readAll()) void _
  await store.close()
  return id
}

describe('tracing', () => {
  it('emits spans for store and repository operations, with their attributes', async () => {
    const id = await exercise(
      new SQLiteEventStore(':memory:', { eventRegistry: notesRegistry }),
    )
    const spans = exporter.getFinishedSpans()
    const byName = (name: string) => spans.filter((s) => s.name === name)
    expect(spans.map((s) => s.name).sort()).toEqual([
      'eventsource.event_store.append_events',
      'eventsource.event_store.get_events',
      'eventsource.event_store.get_events',
      'eventsource.event_store.read_all',
      'eventsource.repository.load',
      'eventsource.repository.save',
    ])
    const append = byName('eventsource.event_store.append_events')[0]!
    expect(append.attributes).toMatchObject({
      'eventsource.aggregate.id': id,
      'eventsource.aggregate.type': 'Note',
      'eventsource.event.count': 1,
      'eventsource.expected_version': 0,
      'eventsource.event.types': ['NoteCreated'],
      'db.system': 'sqlite',
      'db.name': ':memory:',
    })
    const save = byName('eventsource.repository.save')[0]!
    expect(append.parentSpanContext?.spanId).toBe(save.spanContext().spanId)
    expect(byName('eventsource.repository.load')[0]!.attributes).toMatchObject({
      'eventsource.aggregate.id': id,
      'eventsource.event.count': 1,
    })
    expect(
      byName('eventsource.event_store.read_all')[0]!.attributes,
    ).toMatchObject({ 'eventsource.event.count': 1, 'db.system': 'sqlite' })
  })

  it('records a failure on the span', async () => {
    const store = new InMemoryEventStore({ eventRegistry: notesRegistry })
    await store.initialize()
    const repo = new AggregateRepository({
      eventStore: store,
      aggregateFactory: NoteAggregate,
    })
    await expect(repo.load('missing')).rejects.toThrow()
    const load = exporter
      .getFinishedSpans()
      .find((s) => s.name === 'eventsource.repository.load')
    expect(load!.status.code).toBe(2)
    expect(load!.events.some((e) => e.name === 'exception')).toBe(true)
  })

  it('emits no spans with enableTracing off', async () => {
    await exercise(
      new SQLiteEventStore(':memory:', {
        eventRegistry: notesRegistry,
        enableTracing: false,
      }),
    )
    expect(exporter.getFinishedSpans()).toEqual([])
  })
})
