import {
  DuplicateEventTypeError,
  EventTypeNotFoundError,
  InvalidArgumentError,
} from '../errors.ts'
import { describe, DomainEvent } from './domain-event.ts'
import type { StandardSchemaV1 } from './standard-schema.ts'

/** Any event class made by `defineEvent`, whatever its payload. */
export interface AnyEventClass {
  new (input: never): DomainEvent
  readonly eventType: string
  readonly aggregateType: string
  readonly eventVersion: number
  readonly schema: StandardSchemaV1
  readonly prototype: DomainEvent
}

/** Whether `value` is an event class made by `defineEvent`. */
export function isEventClass(value: unknown): value is AnyEventClass {
  const { prototype, eventType } = (value ?? {}) as Partial<AnyEventClass>
  return (
    typeof value === 'function' &&
    prototype instanceof DomainEvent &&
    typeof eventType === 'string'
  )
}

/**
 * Maps event type names to their classes, so a store can turn a stored row back into an event. A store
 * reads and writes only the types its registry knows.
 */
export class EventRegistry {
  readonly #types = new Map<string, AnyEventClass>()

  /** Registers an event class. The same class again is a no-op; another class under a taken name throws. */
  register<C extends AnyEventClass>(eventClass: C): C {
    if (!isEventClass(eventClass)) {
      throw new InvalidArgumentError(
        `registerEvent expects an event class made by defineEvent(), got ${describe(eventClass)}.`,
      )
    }
    const existing = this.#types.get(eventClass.eventType)
    if (existing === eventClass) return eventClass
    if (existing) throw new DuplicateEventTypeError(eventClass.eventType)
    this.#types.set(eventClass.eventType, eventClass)
    return eventClass
  }

  /** The class registered under `eventType`; throws `EventTypeNotFoundError` naming what is registered. */
  get(eventType: string): AnyEventClass {
    const eventClass = this.#types.get(eventType)
    if (!eventClass) throw new EventTypeNotFoundError(eventType, this.list())
    return eventClass
  }

  has(eventType: string): boolean {
    return this.#types.has(eventType)
  }

  /** The registered type names, in registration order. */
  list(): string[] {
    return [...this.#types.keys()]
  }
}

/** The registry that `defineEvent` registers into unless told otherwise, and that stores use by default. */
export const defaultRegistry = new EventRegistry()

/** Registers an event class in a registry (the default one unless given), like Python's `@register_event`. */
export function registerEvent<C extends AnyEventClass>(
  eventClass: C,
  registry: EventRegistry = defaultRegistry,
): C {
  return registry.register(eventClass)
}
