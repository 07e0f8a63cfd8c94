import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  defaultRegistry,
  defineEvent,
  DuplicateEventTypeError,
  EventRegistry,
  EventTypeNotFoundError,
  InvalidArgumentError,
  registerEvent,
} from 'eventsource-ts'

const schema = z.object({ title: z.string() })

describe('EventRegistry', () => {
  it('defineEvent registers in defaultRegistry unless told otherwise', () => {
    const Defaulted = defineEvent({
      eventType: 'RegistryTestDefaulted',
      aggregateType: 'T',
      schema,
    })
    const Elsewhere = defineEvent({
      eventType: 'RegistryTestElsewhere',
      aggregateType: 'T',
      schema,
      registry: false,
    })
    expect(defaultRegistry.get('RegistryTestDefaulted')).toBe(Defaulted)
    expect(defaultRegistry.has('RegistryTestElsewhere')).toBe(false)
    expect(registerEvent(Elsewhere)).toBe(Elsewhere)
    expect(defaultRegistry.has('RegistryTestElsewhere')).toBe(true)
  })

  it('registers, looks up and lists', () => {
    const registry = new EventRegistry()
    const A = defineEvent({
      eventType: 'A',
      aggregateType: 'T',
      schema,
      registry,
    })
    const B = defineEvent({
      eventType: 'B',
      aggregateType: 'T',
      schema,
      registry: false,
    })
    registry.register(B)
    expect(registry.get('A')).toBe(A)
    expect(registry.has('B')).toBe(true)
    expect(registry.has('C')).toBe(false)
    expect(registry.list()).toEqual(['A', 'B'])
  })

  it('registering the same class twice is a no-op', () => {
    const registry = new EventRegistry()
    const A = defineEvent({
      eventType: 'A',
      aggregateType: 'T',
      schema,
      registry,
    })
    expect(() => registerEvent(A, registry)).not.toThrow()
    expect(registry.list()).toEqual(['A'])
  })

  it('another class under a taken name throws DuplicateEventTypeError', () => {
    const registry = new EventRegistry()
    defineEvent({ eventType: 'A', aggregateType: 'T', schema, registry })
    const error = (() => {
      try {
        defineEvent({
          eventType: 'A',
          aggregateType: 'Other',
          schema,
          registry,
        })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(DuplicateEventTypeError)
    expect(error).toMatchObject({ eventType: 'A' })
  })

  it('an unknown name throws EventTypeNotFoundError naming the type, the registered types and how to register', () => {
    const registry = new EventRegistry()
    defineEvent({
      eventType: 'NoteCreated',
      aggregateType: 'Note',
      schema,
      registry,
    })
    expect(() => registry.get('NoteDeleted')).toThrow(EventTypeNotFoundError)
    expect(() => registry.get('NoteDeleted')).toThrow(
      /"NoteDeleted".*Registered types: NoteCreated.*registerEvent/,
    )
    expect(() => new EventRegistry().get('X')).toThrow(/Registered types: none/)
  })

  it('refuses things that are not event classes', () => {
    expect(() => new EventRegistry().register(class {} as never)).toThrow(
      InvalidArgumentError,
    )
    expect(() => registerEvent('NoteCreated' as never)).toThrow(
      InvalidArgumentError,
    )
  })
})
