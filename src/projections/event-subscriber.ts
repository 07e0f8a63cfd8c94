import type { StoredEvent } from '../stores/event-store.ts'

/**
 * What a `SubscriptionManager` delivers stored events to: a `Projection`, or any object of this shape.
 * The manager reads `name` and `eventTypes` once, when it is subscribed.
 */
export interface EventSubscriber {
  /** Unique among a manager's subscriptions; its checkpoint and dead letters are kept under it. */
  readonly name: string
  /** The event types to deliver; every type when undefined. */
  readonly eventTypes?: readonly string[]
  /** Handles one event. A subscription delivers in ascending global position, one event at a time. */
  handle(stored: StoredEvent): void | Promise<void>
}
