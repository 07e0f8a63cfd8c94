import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import {
  defineEvent,
  DomainEvent,
  EventRegistry,
  EventValidationError,
  InvalidArgumentError,
  MAX_CLOCK_SKEW_MS,
  type StandardSchemaV1,
} from 'eventsource-ts'

const registry = new EventRegistry()
const NoteCreated = defineEvent({
  eventType: 'NoteCreated',
  aggregateType: 'Note',
  schema: z.object({ title: z.string().min(1), content: z.string() }),
  registry,
})
const ItemAdded = defineEvent({
  eventType: 'ItemAdded',
  aggregateType: 'Cart',
  schema: z.object({
    items: z.array(z.object({ sku: z.string(), qty: z.number().int() })),
  }),
  registry,
})

const validationError = (work: () => unknown): EventValidationError => {
  try {
    work()
  } catch (error) {
    expect(error).toBeInstanceOf(EventValidationError)
    return error as EventValidationError
  }
  throw new Error('expected an EventValidationError')
}

describe('defineEvent', () => {
  it('makes a class whose instances carry the base fields and the payload', () => {
    const e = new NoteCreated({
      aggregateId: 'note-1',
      title: 'Meeting Notes',
      content: 'Q4',
    })
    expect(e).toBeInstanceOf(NoteCreated)
    expect(e).toBeInstanceOf(DomainEvent)
    expect(e.title).toBe('Meeting Notes')
    expect(e.eventType).toBe('NoteCreated')
    expect(e.aggregateType).toBe('Note')
    expect(e.aggregateVersion).toBe(1)
    expect(e.eventVersion).toBe(1)
    expect(e.eventId).toMatch(/^[0-9a-f-]{36}$/)
    expect(e.correlationId).toMatch(/^[0-9a-f-]{36}$/)
    expect(e.eventId).not.toBe(e.correlationId)
    expect(e.occurredAt).toBeInstanceOf(Date)
    expect(e.metadata).toEqual({})
    expect(e.tenantId).toBeUndefined()
    expect(NoteCreated.name).toBe('NoteCreated')
    expect(NoteCreated.eventType).toBe('NoteCreated')
  })

  it('keeps the literal event type, so instanceof and switch both narrow', () => {
    const e: DomainEvent = new NoteCreated({
      aggregateId: 'n',
      title: 't',
      content: 'c',
    })
    if (e instanceof NoteCreated) expectTypeOf(e.title).toEqualTypeOf<string>()
    const typed = new NoteCreated({
      aggregateId: 'n',
      title: 't',
      content: 'c',
    })
    expectTypeOf(typed.eventType).toEqualTypeOf<'NoteCreated'>()
  })

  it('types an event with an empty schema as base fields only', () => {
    const Pinged = defineEvent({
      eventType: 'Pinged',
      aggregateType: 'Host',
      schema: z.object({}),
      registry: false,
    })
    const e = new Pinged({ aggregateId: 'h' })
    expectTypeOf(e.eventId).toEqualTypeOf<string>()
    expect(e.aggregateId).toBe('h')
  })

  it('freezes events deeply', () => {
    const e = new ItemAdded({
      aggregateId: 'cart',
      items: [{ sku: 'a', qty: 1 }],
      metadata: { source: { app: 'web' } },
    })
    expect(Object.isFrozen(e)).toBe(true)
    expect(
      () => ((e as { aggregateId: string }).aggregateId = 'other'),
    ).toThrow(TypeError)
    expect(() => (e.items as { sku: string }[]).push({ sku: 'b' })).toThrow(
      TypeError,
    )
    expect(
      () => ((e.metadata.source as Record<string, string>).app = 'x'),
    ).toThrow(TypeError)
  })

  it("does not share the caller's objects", () => {
    const metadata = { trace: 'a' }
    const e = new NoteCreated({
      aggregateId: 'n',
      title: 't',
      content: 'c',
      metadata,
    })
    metadata.trace = 'b'
    expect(e.metadata.trace).toBe('a')
  })

  it('accepts given base fields, and an ISO string for occurredAt', () => {
    const eventId = '0b5e3c5e-7b7a-4c5e-9a51-1f6a1d3c2b10'
    const e = new NoteCreated({
      aggregateId: 'n',
      aggregateVersion: 3,
      eventId: eventId.toUpperCase(),
      occurredAt: '2024-01-02T03:04:05.678Z',
      tenantId: 't',
      actorId: 'a',
      causationId: 'c',
      correlationId: 'corr',
      eventVersion: 2,
      title: 't',
      content: 'c',
    })
    expect(e).toMatchObject({
      aggregateVersion: 3,
      eventId,
      tenantId: 't',
      actorId: 'a',
      causationId: 'c',
      correlationId: 'corr',
      eventVersion: 2,
    })
    expect(e.occurredAt.toISOString()).toBe('2024-01-02T03:04:05.678Z')
  })

  it('names every bad field and why', () => {
    const error = validationError(
      () =>
        new NoteCreated({
          aggregateId: '',
          aggregateVersion: 0,
          title: '',
          content: 5,
        } as never),
    )
    expect(error.eventType).toBe('NoteCreated')
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      'aggregateId',
      'aggregateVersion',
      'content',
      'title',
    ])
    expect(error.message).toMatch(/aggregateId: must not be empty/)
    expect(error.message).toMatch(
      /aggregateVersion: expected an integer of 1 or more, got 0/,
    )
  })

  it('gives nested payload paths', () => {
    const error = validationError(
      () =>
        new ItemAdded({ aggregateId: 'c', items: [{ sku: 'a', qty: 1.5 }] }),
    )
    expect(error.issues[0]!.path).toBe('items.0.qty')
  })

  it.each([
    ['a non-object input', 'not an object', ''],
    [
      'a non-string aggregate id',
      { aggregateId: 42, title: 't', content: 'c' },
      'aggregateId',
    ],
    [
      'a whitespace aggregate id',
      { aggregateId: '  ', title: 't', content: 'c' },
      'aggregateId',
    ],
    [
      'a non-UUID event id',
      { aggregateId: 'n', eventId: 'nope', title: 't', content: 'c' },
      'eventId',
    ],
    [
      'an invalid date',
      { aggregateId: 'n', occurredAt: 'yesterday', title: 't', content: 'c' },
      'occurredAt',
    ],
    [
      'an Invalid Date object',
      {
        aggregateId: 'n',
        occurredAt: new Date(Number.NaN),
        title: 't',
        content: 'c',
      },
      'occurredAt',
    ],
    [
      'a far-future date',
      {
        aggregateId: 'n',
        occurredAt: new Date(Date.now() + MAX_CLOCK_SKEW_MS + 60_000),
        title: 't',
        content: 'c',
      },
      'occurredAt',
    ],
    [
      'a year beyond 9999',
      {
        aggregateId: 'n',
        occurredAt: new Date('+010000-01-01T00:00:00Z'),
        title: 't',
        content: 'c',
      },
      'occurredAt',
    ],
    [
      'a different event type',
      { aggregateId: 'n', eventType: 'Other', title: 't', content: 'c' },
      'eventType',
    ],
    [
      'a different aggregate type',
      { aggregateId: 'n', aggregateType: 'Other', title: 't', content: 'c' },
      'aggregateType',
    ],
    [
      'metadata that is an array',
      { aggregateId: 'n', metadata: [], title: 't', content: 'c' },
      'metadata',
    ],
    [
      'metadata with a function',
      { aggregateId: 'n', metadata: { f: () => 1 }, title: 't', content: 'c' },
      'metadata.f',
    ],
    [
      'metadata with a BigInt',
      { aggregateId: 'n', metadata: { n: 1n }, title: 't', content: 'c' },
      'metadata.n',
    ],
    [
      'metadata with NaN',
      {
        aggregateId: 'n',
        metadata: { n: Number.NaN },
        title: 't',
        content: 'c',
      },
      'metadata.n',
    ],
    [
      'metadata with a Date',
      {
        aggregateId: 'n',
        metadata: { at: new Date() },
        title: 't',
        content: 'c',
      },
      'metadata.at',
    ],
    [
      'a NUL in a payload string',
      { aggregateId: 'n', title: 'a\u0000b', content: 'c' },
      'title',
    ],
    [
      'a lone surrogate',
      { aggregateId: 'n', title: '\ud800', content: 'c' },
      'title',
    ],
    [
      'a NUL in the aggregate id',
      { aggregateId: 'a\u0000', title: 't', content: 'c' },
      'aggregateId',
    ],
  ])('rejects %s', (_, input, path) => {
    const error = validationError(() => new NoteCreated(input as never))
    expect(error.issues.map((i) => i.path)).toContain(path)
  })

  it('rejects cyclic metadata', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(
      validationError(
        () =>
          new NoteCreated({
            aggregateId: 'n',
            title: 't',
            content: 'c',
            metadata: cyclic as never,
          }),
      ).message,
    ).toMatch(/circular/)
  })

  it('keeps unicode and large payloads as they are', () => {
    const content = '✓ naïve 日本語 🎉'.repeat(50_000)
    expect(
      new NoteCreated({ aggregateId: 'n', title: 't', content }).content,
    ).toBe(content)
  })

  it('rejects a schema key that collides with a base field when the type is defined', () => {
    expect(() =>
      defineEvent({
        eventType: 'Bad',
        aggregateType: 'X',
        schema: z.object({ eventId: z.string() }),
        registry: false,
      }),
    ).toThrow(/"eventId" is a reserved name/)
  })

  it.each([
    [
      'an empty event type',
      { eventType: '', aggregateType: 'X', schema: z.object({}) },
      /eventType/,
    ],
    ['a missing schema', { eventType: 'E', aggregateType: 'X' }, /schema/],
    [
      'a bad event version',
      {
        eventType: 'E',
        aggregateType: 'X',
        schema: z.object({}),
        eventVersion: 0,
      },
      /eventVersion/,
    ],
  ])('refuses to define an event type with %s', (_, options, message) => {
    const define = () =>
      defineEvent(Object.assign({ registry: false }, options) as never)
    expect(define).toThrow(InvalidArgumentError)
    expect(define).toThrow(message)
  })

  it('accepts any Standard Schema validator', () => {
    const schema: StandardSchemaV1<{ n: number }> = {
      '~standard': {
        version: 1,
        vendor: 'hand-made',
        validate: (value) => {
          const n = (value as { n?: unknown }).n
          return typeof n === 'number'
            ? { value: { n } }
            : { issues: [{ message: 'n must be a number', path: ['n'] }] }
        },
      },
    }
    const Counted = defineEvent({
      eventType: 'Counted',
      aggregateType: 'Counter',
      schema,
      registry: false,
    })
    expect(new Counted({ aggregateId: 'c', n: 3 }).n).toBe(3)
    expect(
      validationError(() => new Counted({ aggregateId: 'c', n: 'x' } as never))
        .message,
    ).toMatch(/n: n must be a number/)
  })

  it('refuses asynchronous schemas', () => {
    const Slow = defineEvent({
      eventType: 'Slow',
      aggregateType: 'X',
      schema: z.object({ a: z.string().refine(async () => true) }),
      registry: false,
    })
    expect(() => new Slow({ aggregateId: 'x', a: 'a' })).toThrow(/synchronous/)
  })

  it('serializes to JSON with base fields and payload', () => {
    const e = new NoteCreated({ aggregateId: 'n', title: 't', content: 'c' })
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({
      eventType: 'NoteCreated',
      aggregateId: 'n',
      title: 't',
      content: 'c',
      occurredAt: e.occurredAt.toISOString(),
    })
  })
})
