import type { DomainEvent } from '../events/domain-event.ts'
import type { EventRegistry } from '../events/registry.ts'

/** Special values for `expectedVersion`; any other value is the exact version the stream must be at. */
export const ExpectedVersion = {
  /** No check: append whatever version the stream is at. */
  ANY: -1,
  /** The stream must not exist yet (version 0). */
  NO_STREAM: 0,
  /** The stream must exist (version 1 or more). */
  STREAM_EXISTS: -2,
} as const

export interface AppendEventsInput {
  aggregateId: string
  aggregateType: string
  /** Events of this one stream; the store assigns their versions. */
  events: readonly DomainEvent[]
  /** A version the stream must be at, or one of `ExpectedVersion`. */
  expectedVersion: number
}

export interface AppendResult {
  /** The stream's version after the append. */
  newVersion: number
  /** The global position of the last event written (for a fully skipped retry, of the last one stored before). */
  globalPosition: number
  /** How many events were dropped because their `eventId` was already stored. */
  skipped: number
}

export interface EventStream<E extends DomainEvent = DomainEvent> {
  aggregateId: string
  aggregateType: string
  events: E[]
  /** The stream's current version: 0 for a stream with no events. */
  version: number
}

export interface GetEventsOptions {
  /** Return only events with a version above this (default 0: all). */
  fromVersion?: number
}

export interface StoredEvent<E extends DomainEvent = DomainEvent> {
  event: E
  /** The event's position in the whole store's log, starting at 1. */
  globalPosition: number
  /** The event's version in its stream (equal to `event.aggregateVersion`). */
  streamPosition: number
  /** When the store wrote it. */
  storedAt: Date
}

export type ReadDirection = 'forward' | 'backward'

export interface ReadAllOptions {
  /** Yield only events after this global position, in either direction (default 0: from the start). */
  fromPosition?: number
  /** Yield at most this many events. */
  limit?: number
  /** Ascending global position (default) or descending. */
  direction?: ReadDirection
  eventTypes?: readonly string[]
  aggregateTypes?: readonly string[]
  tenantId?: string
}

/** The contract every backend keeps; one test suite checks it against all of them. */
export interface EventStore extends AsyncDisposable {
  readonly eventRegistry: EventRegistry
  readonly enableTracing: boolean
  readonly isConnected: boolean
  /** Opens the store and creates its schema. Safe to call again. */
  initialize(): Promise<void>
  /** Closes the store. Safe to call again; `await using` calls it for you. */
  close(): Promise<void>
  appendEvents(input: AppendEventsInput): Promise<AppendResult>
  /**
   * Appends to several streams in one transaction, all or none; each append as `appendEvents` would.
   * Optional: `migrateEvents` commits a batch at a time with it where a store has it (every store here does).
   */
  appendStreams?(appends: readonly AppendEventsInput[]): Promise<AppendResult[]>
  getEvents(
    aggregateId: string,
    aggregateType: string,
    options?: GetEventsOptions,
  ): Promise<EventStream>
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>
  getStreamVersion(aggregateId: string, aggregateType: string): Promise<number>
  eventExists(eventId: string): Promise<boolean>
  /** The highest global position used; 0 when the store is empty. */
  getGlobalPosition(): Promise<number>
}
