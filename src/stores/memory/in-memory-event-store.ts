import {
  payloadOf,
  restoreEvent,
  type DomainEvent,
} from '../../events/domain-event.ts'
import {
  planAppend,
  type AppendBatch,
  type StoredIdentity,
} from '../append-plan.ts'
import { requireOptions } from '../arguments.ts'
import {
  BaseEventStore,
  STORE_OPTION_NAMES,
  type PageQuery,
  type StoreOptions,
} from '../base-event-store.ts'
import type { AppendResult, StoredEvent } from '../event-store.ts'
import { StreamMap } from '../stream-map.ts'

/**
 * An event store held in memory: for tests and first steps. Events are immutable, so it keeps the event
 * objects themselves, each made once at append with the version the store gave it, and reads hand them
 * out as they are: nothing to encode, parse or validate again. A row is an index into the log (the event
 * at position p sits at index p - 1), so the store holds no object of its own for an event.
 */
export class InMemoryEventStore extends BaseEventStore<number> {
  protected readonly dbSystem = 'memory'
  protected readonly dbName = 'memory'
  #log: DomainEvent[] | undefined
  /** When each event of the log was stored, in milliseconds: each read hands out a Date of its own. */
  #storedAt: number[] = []
  /** Each stream's log indexes. */
  #streams = new StreamMap<number[]>()
  #byId = new Map<string, number>()

  constructor(options?: StoreOptions) {
    super(
      requireOptions('InMemoryEventStore', options, [...STORE_OPTION_NAMES]),
    )
  }

  get isConnected(): boolean {
    return this.#log !== undefined
  }

  protected open(): void {
    this.#log = []
  }

  /** Closing drops the events, as closing an in-memory database does. */
  protected shutdown(): void {
    this.#log = undefined
    this.#storedAt = []
    this.#streams.clear()
    this.#byId.clear()
  }

  protected writeBatch(batch: AppendBatch): AppendResult {
    const log = this.#log!
    const { aggregateId, aggregateType } = batch
    const known = this.#streams.get(aggregateId, aggregateType)
    const stream = known ?? []
    const plan = planAppend(batch, stream.length, this.stored(batch), () =>
      this.lastPosition(),
    )
    if (!plan.write) return plan.result
    const storedAt = Date.now()
    for (let i = 0; i < plan.events.length; i++) {
      const event = this.asStored(plan.events[i]!, plan.firstVersion + i)
      const index = log.push(event) - 1
      this.#storedAt.push(storedAt)
      stream.push(index)
      this.#byId.set(event.eventId, index)
    }
    if (!known) this.#streams.set(aggregateId, aggregateType, stream)
    return {
      newVersion: stream.length,
      globalPosition: log.length,
      skipped: plan.skipped,
    }
  }

  protected writeBatches(batches: AppendBatch[]): AppendResult[] {
    const mark = this.#log!.length
    try {
      return batches.map((batch) => this.writeBatch(batch))
    } catch (error) {
      this.rollBackTo(mark)
      throw error
    }
  }

  /** Where the batch's event ids are stored already. */
  private stored({ events }: AppendBatch): StoredIdentity[] {
    const stored: StoredIdentity[] = []
    for (const { eventId } of events) {
      const index = this.#byId.get(eventId)
      if (index === undefined) continue
      const { aggregateId, aggregateType } = this.#log![index]!
      stored.push({
        eventId,
        aggregateId,
        aggregateType,
        globalPosition: index + 1,
      })
    }
    return stored
  }

  /**
   * The event as the store keeps it: of the class the store's registry knows for its type, at the version
   * the store assigned. Most appends already are; the others are made again, validated by that class.
   */
  private asStored(event: DomainEvent, version: number): DomainEvent {
    const eventClass = this.eventRegistry.get(event.eventType)
    if (event.aggregateVersion === version && event.constructor === eventClass)
      return event
    const { eventId, eventVersion, occurredAt, aggregateId, tenantId } = event
    const { eventType, aggregateType, actorId, correlationId, causationId } =
      event
    return restoreEvent(
      eventClass,
      {
        eventId,
        eventType,
        eventVersion,
        occurredAt,
        aggregateId,
        aggregateType,
        aggregateVersion: version,
        tenantId,
        actorId,
        correlationId,
        causationId,
      },
      payloadOf(event),
      event.metadata,
    )
  }

  /** Forgets every event after position `mark`, as a database rolls back a transaction. */
  private rollBackTo(mark: number): void {
    for (const event of this.#log!.splice(mark).reverse()) {
      const { aggregateId, aggregateType } = event
      const stream = this.#streams.get(aggregateId, aggregateType)!
      stream.pop()
      if (stream.length === 0) this.#streams.delete(aggregateId, aggregateType)
      this.#byId.delete(event.eventId)
    }
    this.#storedAt.length = mark
  }

  protected readStream(
    aggregateId: string,
    aggregateType: string,
    fromVersion: number,
  ): number[] {
    return (this.#streams.get(aggregateId, aggregateType) ?? []).slice(
      fromVersion,
    )
  }

  protected readPage(query: PageQuery): number[] {
    const { above, below, direction, size } = query
    const log = this.#log!
    const page: number[] = []
    if (direction === 'forward') {
      for (let i = above; i < log.length && page.length < size; i++)
        if (matches(log[i]!, query)) page.push(i)
    } else {
      for (
        let i = Math.min(below ?? Infinity, log.length + 1) - 2;
        i >= above && page.length < size;
        i--
      )
        if (matches(log[i]!, query)) page.push(i)
    }
    return page
  }

  protected eventOf(index: number): DomainEvent {
    return this.#log![index]!
  }

  protected storedEventOf(index: number): StoredEvent {
    const event = this.#log![index]!
    return {
      event,
      globalPosition: index + 1,
      streamPosition: event.aggregateVersion,
      storedAt: new Date(this.#storedAt[index]!),
    }
  }

  protected positionOf(index: number): number {
    return index + 1
  }

  protected streamVersion(aggregateId: string, aggregateType: string): number {
    return this.#streams.get(aggregateId, aggregateType)?.length ?? 0
  }

  protected hasEvent(eventId: string): boolean {
    return this.#byId.has(eventId)
  }

  protected lastPosition(): number {
    return this.#log!.length
  }

  /** Positions have no gaps here: the event at position p is the p-th. */
  protected countUpTo(end: number): number {
    return Math.min(end, this.#log!.length)
  }
}

function matches(
  event: DomainEvent,
  { eventTypes, aggregateTypes, tenantId }: PageQuery,
): boolean {
  return (
    (!eventTypes || eventTypes.includes(event.eventType)) &&
    (!aggregateTypes || aggregateTypes.includes(event.aggregateType)) &&
    (tenantId === undefined || event.tenantId === tenantId)
  )
}
