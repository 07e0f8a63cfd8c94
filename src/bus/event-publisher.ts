import type { DomainEvent } from '../events/domain-event.ts'

/** Whatever receives saved events: `AggregateRepository` publishes to one after each commit. */
export interface EventPublisher {
  /** Delivers the events, in order; rejects when any handler failed (after all have run). */
  publish(events: readonly DomainEvent[]): Promise<void>
}

/** A handler of published events, typed by the event class it subscribed to. */
export type EventHandler<E extends DomainEvent = DomainEvent> = (
  event: E,
) => void | Promise<void>

/** Ends a subscription; calling it again does nothing. */
export type Unsubscribe = () => void
