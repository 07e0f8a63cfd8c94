import { InvalidArgumentError } from '../errors.ts'
import { describe } from './domain-event.ts'
import { isEventClass, type AnyEventClass } from './registry.ts'

/**
 * The handlers a projection or a declarative aggregate registers with `this.on(EventClass, handler)`: one
 * an event class, found by the event's type name, the name a store restores events by.
 */
export class EventHandlers<H> {
  readonly #handlers = new Map<string, H>()

  /** The event types with a handler, in the order they were registered. */
  get eventTypes(): string[] {
    return [...this.#handlers.keys()]
  }

  /** Adds the handler of one event class; `owner`, the class calling `on`, is named in the errors. */
  add(owner: string, eventClass: AnyEventClass, handler: H): void {
    if (!isEventClass(eventClass))
      throw new InvalidArgumentError(
        `${owner}.on: expected an event class made by defineEvent(), got ${describe(eventClass)}.`,
      )
    const { eventType } = eventClass
    if (typeof handler !== 'function')
      throw new InvalidArgumentError(
        `${owner}.on(${eventType}): the handler must be a function, got ${describe(handler)}.`,
      )
    if (this.#handlers.has(eventType))
      throw new InvalidArgumentError(
        `${owner} already has a handler for ${eventType}: register one handler an event class.`,
      )
    this.#handlers.set(eventType, handler)
  }

  get(eventType: string): H | undefined {
    return this.#handlers.get(eventType)
  }
}
