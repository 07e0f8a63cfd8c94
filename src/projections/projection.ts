import type { DomainEvent } from '../events/domain-event.ts'
import { EventHandlers } from '../events/event-handlers.ts'
import type { AnyEventClass } from '../events/registry.ts'
import type { StoredEvent } from '../stores/event-store.ts'
import type { EventSubscriber } from './event-subscriber.ts'

/** A projection's handler for one event class, typed by it. */
export type ProjectionHandler<E extends DomainEvent = DomainEvent> = (
  event: E,
  stored: StoredEvent<E>,
) => void | Promise<void>

/**
 * The base of a read model built from the log: register a handler per event class with `this.on(...)` in
 * the constructor. `eventTypes` lists the classes it has handlers for, so a subscription reads only those,
 * and `handle` ignores every other type. Override `reset()` to empty the read model before a rebuild.
 */
export abstract class Projection implements EventSubscriber {
  abstract readonly name: string
  readonly #handlers = new EventHandlers<ProjectionHandler>()

  /** The event types it has handlers for, in the order they were registered. */
  get eventTypes(): readonly string[] {
    return this.#handlers.eventTypes
  }

  /** Registers the handler of one event class; one handler a class. */
  protected on<C extends AnyEventClass>(
    eventClass: C,
    handler: ProjectionHandler<InstanceType<C>>,
  ): this {
    this.#handlers.add(
      this.constructor.name,
      eventClass,
      handler as ProjectionHandler,
    )
    return this
  }

  /** Calls the handler of the event's type, and returns what it returns; an event of another type is ignored. */
  handle(stored: StoredEvent): void | Promise<void> {
    return this.#handlers.get(stored.event.eventType)?.(stored.event, stored)
  }

  /** Empties the read model, before it is rebuilt from the beginning of the log. The base does nothing. */
  reset(): void | Promise<void> {}
}
