import { InvalidArgumentError } from '../errors.ts'
import { describe, DomainEvent } from '../events/domain-event.ts'
import { isEventClass, type AnyEventClass } from '../events/registry.ts'
import { requireText } from '../stores/arguments.ts'
import {
  EventPublishError,
  type PublishFailure,
} from './event-publish-error.ts'
import type {
  EventHandler,
  EventPublisher,
  Unsubscribe,
} from './event-publisher.ts'

/** A subscription: an object of its own, so the same handler may be subscribed twice and unsubscribed once. */
interface Entry {
  handler: EventHandler
}

/**
 * Delivers published events to handlers in this process, by event class, by type name, or all of them.
 * `publish` delivers the events one after another; an event's handlers run concurrently, and each one
 * that fails is reported, after all have run, in one `EventPublishError`.
 *
 * The bus holds nothing: a handler that was not subscribed when an event was published never sees it. For
 * read models that must miss nothing, subscribe a projection to the store with `SubscriptionManager`.
 */
export class InMemoryEventBus implements EventPublisher {
  readonly #byType = new Map<string, Set<Entry>>()
  readonly #all = new Set<Entry>()

  /** Calls `handler` for each published event of this class, typed as its instance. */
  subscribe<C extends AnyEventClass>(
    eventClass: C,
    handler: EventHandler<InstanceType<C>>,
  ): Unsubscribe
  /** Calls `handler` for each published event of this type name. */
  subscribe(eventType: string, handler: EventHandler): Unsubscribe
  subscribe(
    eventClassOrType: AnyEventClass | string,
    handler: EventHandler<never>,
  ): Unsubscribe {
    const eventType =
      typeof eventClassOrType === 'string'
        ? eventClassOrType
        : eventTypeOf(eventClassOrType)
    requireText('InMemoryEventBus.subscribe', 'eventType', eventType)
    const entries = this.#byType.get(eventType) ?? new Set<Entry>()
    this.#byType.set(eventType, entries)
    return add(entries, 'subscribe', handler as EventHandler)
  }

  /** Calls `handler` for every published event. */
  subscribeAll(handler: EventHandler): Unsubscribe {
    return add(this.#all, 'subscribeAll', handler)
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    if (
      !Array.isArray(events) ||
      events.some((event) => !(event instanceof DomainEvent))
    )
      throw new InvalidArgumentError(
        `InMemoryEventBus.publish expects an array of events, got ${describe(events)}.`,
      )
    const failures: PublishFailure[] = []
    for (const event of events) {
      const entries = [
        ...(this.#byType.get(event.eventType) ?? []),
        ...this.#all,
      ]
      const results = await Promise.allSettled(
        entries.map(async ({ handler }) => handler(event)),
      )
      results.forEach((result, index) => {
        if (result.status === 'rejected')
          failures.push({
            event,
            handler: entries[index]!.handler.name || 'anonymous',
            error: result.reason,
          })
      })
    }
    if (failures.length > 0) throw new EventPublishError(failures)
  }
}

function eventTypeOf(value: unknown): string {
  if (!isEventClass(value))
    throw new InvalidArgumentError(
      `InMemoryEventBus.subscribe: the first argument must be an event class made by defineEvent, or an event type name, got ${describe(value)}.`,
    )
  return value.eventType
}

function add(
  entries: Set<Entry>,
  method: string,
  handler: EventHandler,
): Unsubscribe {
  if (typeof handler !== 'function')
    throw new InvalidArgumentError(
      `InMemoryEventBus.${method}: the handler must be a function, got ${describe(handler)}.`,
    )
  const entry: Entry = { handler }
  entries.add(entry)
  return () => void entries.delete(entry)
}
