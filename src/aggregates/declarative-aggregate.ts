import { UnhandledEventError } from '../errors.ts'
import type { DomainEvent } from '../events/domain-event.ts'
import { EventHandlers } from '../events/event-handlers.ts'
import type { AnyEventClass } from '../events/registry.ts'
import { AggregateRoot } from './aggregate-root.ts'

/** What a `DeclarativeAggregate` does with an event it has no handler for. */
export type UnhandledEvents = 'ignore' | 'warn' | 'error'

type Handler = (event: DomainEvent) => void

/**
 * An aggregate whose event handlers are registered one event class at a time, with `this.on(EventClass,
 * handler)` in its constructor, instead of being written into one `apply` method: the Python original's
 * `DeclarativeAggregate` with `@handles`. Each handler receives its event typed by its class.
 *
 * An event with no handler is ignored by default (so old code can read streams that newer code wrote),
 * or reported: set `static readonly unhandledEvents = 'error'` (or `'warn'`) on the class.
 */
export abstract class DeclarativeAggregate<S> extends AggregateRoot<S> {
  /** What to do with an event that has no handler: ignore it (the default), warn, or throw. */
  static readonly unhandledEvents: UnhandledEvents = 'ignore'
  readonly #handlers = new EventHandlers<Handler>()

  /** Registers the handler of one event class; call it in the constructor. */
  protected on<C extends AnyEventClass>(
    eventClass: C,
    handler: (event: InstanceType<C>) => void,
  ): void {
    this.#handlers.add(this.constructor.name, eventClass, handler as Handler)
  }

  /** The event types this aggregate has handlers for, in the order they were registered. */
  get handledEventTypes(): string[] {
    return this.#handlers.eventTypes
  }

  protected apply(event: DomainEvent): void {
    const handler = this.#handlers.get(event.eventType)
    if (handler) return handler(event)
    const policy = (this.constructor as typeof DeclarativeAggregate)
      .unhandledEvents
    if (policy === 'ignore') return
    const error = new UnhandledEventError(
      this.constructor.name,
      event.eventType,
    )
    if (policy === 'error') throw error
    console.warn(error.message)
  }
}
