import { InvalidArgumentError, NotConnectedError } from '../errors.ts'
import { describe } from '../events/domain-event.ts'
import { defaultRegistry, EventRegistry } from '../events/registry.ts'
import { ATTR, startIterationSpan, withSpan } from '../tracing/tracer.ts'
import { prepareAppend, type AppendBatch } from './append-plan.ts'
import {
  requireInteger,
  requireOptions,
  requireText,
  requireTextList,
} from './arguments.ts'
import type { DomainEvent } from '../events/domain-event.ts'
import type {
  AppendEventsInput,
  AppendResult,
  EventStore,
  EventStream,
  GetEventsOptions,
  ReadAllOptions,
  StoredEvent,
} from './event-store.ts'
import {
  COUNT_EVENTS,
  WATCH_APPENDS,
  type CountsEvents,
  type StopWatching,
  type WatchesAppends,
} from './store-internals.ts'

/** Options every store takes. */
export interface StoreOptions {
  /** Where the store looks up event types (default: `defaultRegistry`). */
  eventRegistry?: EventRegistry
  /** Emit OpenTelemetry spans (default: true; a no-op until the app installs an SDK). */
  enableTracing?: boolean
}
export const STORE_OPTION_NAMES = ['eventRegistry', 'enableTracing'] as const

/** One page of `readAll`: positions strictly between `above` and `below`, in `direction` order. */
export interface PageQuery {
  above: number
  below: number | undefined
  direction: 'forward' | 'backward'
  size: number
  eventTypes: readonly string[] | undefined
  aggregateTypes: readonly string[] | undefined
  tenantId: string | undefined
}

type MaybePromise<T> = T | Promise<T>
const PAGE_SIZE = 1000

/**
 * What every backend shares: the lifecycle, argument checks, tracing and paging. A backend supplies the
 * storage primitives below, each given arguments already checked, and reads rows of its own (`Row`),
 * which it turns into events only as they are handed out.
 */
export abstract class BaseEventStore<Row>
  implements EventStore, WatchesAppends, CountsEvents
{
  readonly eventRegistry: EventRegistry
  readonly enableTracing: boolean
  readonly #appendListeners = new Set<() => void>()

  protected constructor(options: StoreOptions) {
    const { eventRegistry = defaultRegistry, enableTracing = true } = options
    if (!(eventRegistry instanceof EventRegistry))
      throw new InvalidArgumentError(
        `${new.target.name}: eventRegistry must be an EventRegistry, got ${describe(eventRegistry)}.`,
      )
    if (typeof enableTracing !== 'boolean')
      throw new InvalidArgumentError(
        `${new.target.name}: enableTracing must be true or false, got ${describe(enableTracing)}.`,
      )
    this.eventRegistry = eventRegistry
    this.enableTracing = enableTracing
  }

  /** `db.system` and `db.name` for spans. */
  protected abstract readonly dbSystem: string
  protected abstract readonly dbName: string
  abstract readonly isConnected: boolean
  protected abstract open(): MaybePromise<void>
  protected abstract shutdown(): MaybePromise<void>
  protected abstract writeBatch(batch: AppendBatch): MaybePromise<AppendResult>
  /** Writes several batches in one transaction, in order: all of them or none. */
  protected abstract writeBatches(
    batches: AppendBatch[],
  ): MaybePromise<AppendResult[]>
  protected abstract readStream(
    aggregateId: string,
    aggregateType: string,
    fromVersion: number,
  ): MaybePromise<Row[]>
  protected abstract readPage(query: PageQuery): MaybePromise<Row[]>
  /** The event a row holds; throws the typed error of a row that cannot be read. */
  protected abstract eventOf(row: Row): DomainEvent
  /** The row as `readAll` yields it. */
  protected abstract storedEventOf(row: Row): StoredEvent
  protected abstract positionOf(row: Row): number
  protected abstract streamVersion(
    aggregateId: string,
    aggregateType: string,
  ): MaybePromise<number>
  protected abstract hasEvent(eventId: string): MaybePromise<boolean>
  protected abstract lastPosition(): MaybePromise<number>
  /** How many events have a position of `end` or less. */
  protected abstract countUpTo(end: number): MaybePromise<number>

  #opening: Promise<void> | undefined

  async initialize(): Promise<void> {
    if (this.isConnected) return
    // Concurrent callers share one opening.
    this.#opening ??= Promise.resolve(this.open()).finally(
      () => (this.#opening = undefined),
    )
    return this.#opening
  }

  async close(): Promise<void> {
    if (this.#opening) await this.#opening.catch(() => undefined)
    if (this.isConnected) await this.shutdown()
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close()
  }

  async appendEvents(input: AppendEventsInput): Promise<AppendResult> {
    this.requireConnection()
    const batch = prepareAppend(input, this.eventRegistry)
    return withSpan(
      this.enableTracing,
      'eventsource.event_store.append_events',
      () =>
        this.attributes(batch.aggregateId, batch.aggregateType, {
          [ATTR.EVENT_COUNT]: batch.events.length,
          [ATTR.EXPECTED_VERSION]: batch.expectedVersion,
          [ATTR.EVENT_TYPES]: [
            ...new Set(batch.events.map((e) => e.eventType)),
          ],
        }),
      async () => {
        const result = await this.writeBatch(batch)
        if (wrote(batch, result)) this.appended()
        return result
      },
    )
  }

  /**
   * Appends to several streams in one transaction, in the order given: all of them or none. Each append
   * keeps its own expected version and idempotency, exactly as `appendEvents`. Copying a log in batches
   * (see `migrateEvents`) commits once a batch instead of once a stream.
   */
  async appendStreams(
    appends: readonly AppendEventsInput[],
  ): Promise<AppendResult[]> {
    if (!Array.isArray(appends))
      throw new InvalidArgumentError(
        `appendStreams expects an array of appends, each { aggregateId, aggregateType, events, expectedVersion }, got ${describe(appends)}.`,
      )
    this.requireConnection()
    const batches = appends.map((input: AppendEventsInput) =>
      prepareAppend(input, this.eventRegistry),
    )
    return withSpan(
      this.enableTracing,
      'eventsource.event_store.append_streams',
      () => ({
        ...this.dbAttributes(),
        [ATTR.EVENT_COUNT]: batches.reduce(
          (sum, batch) => sum + batch.events.length,
          0,
        ),
      }),
      async () => {
        const results = await this.writeBatches(batches)
        if (batches.some((batch, i) => wrote(batch, results[i]!)))
          this.appended()
        return results
      },
    )
  }

  /** Library-internal: calls `listener` after every append through this store object that wrote events (see store-internals.ts). */
  async [WATCH_APPENDS](listener: () => void): Promise<StopWatching> {
    this.#appendListeners.add(listener)
    return async () => void this.#appendListeners.delete(listener)
  }

  /** Library-internal: how many events the log holds up to position `end` (see store-internals.ts). */
  async [COUNT_EVENTS](end: number): Promise<number> {
    this.requireConnection()
    return this.countUpTo(end)
  }

  /** Tells the listeners that an append committed events, so subscriptions read without waiting for their next poll. */
  private appended(): void {
    for (const listener of this.#appendListeners) listener()
  }

  async getEvents(
    aggregateId: string,
    aggregateType: string,
    options?: GetEventsOptions,
  ): Promise<EventStream> {
    requireText('getEvents', 'aggregateId', aggregateId)
    requireText('getEvents', 'aggregateType', aggregateType)
    const { fromVersion = 0 } = requireOptions('getEvents', options, [
      'fromVersion',
    ])
    requireInteger('getEvents', 'fromVersion', fromVersion, 0)
    this.requireConnection()
    return withSpan(
      this.enableTracing,
      'eventsource.event_store.get_events',
      () =>
        this.attributes(aggregateId, aggregateType, {
          [ATTR.FROM_VERSION]: fromVersion,
        }),
      async (span) => {
        const rows = await this.readStream(
          aggregateId,
          aggregateType,
          fromVersion,
        )
        const events = new Array<DomainEvent>(rows.length)
        for (let i = 0; i < rows.length; i++) events[i] = this.eventOf(rows[i]!)
        const version =
          events.length > 0
            ? events[events.length - 1]!.aggregateVersion
            : await this.streamVersion(aggregateId, aggregateType)
        span?.setAttribute(ATTR.EVENT_COUNT, events.length)
        return { aggregateId, aggregateType, events, version }
      },
    )
  }

  /** Streams the log in pages. Like any async generator, it checks its options when iteration starts. */
  async *readAll(options?: ReadAllOptions): AsyncGenerator<StoredEvent> {
    const known = [
      'fromPosition',
      'limit',
      'direction',
      'eventTypes',
      'aggregateTypes',
      'tenantId',
    ] as const
    const {
      fromPosition = 0,
      limit,
      direction = 'forward',
      eventTypes,
      aggregateTypes,
      tenantId,
    } = requireOptions('readAll', options, [...known])
    requireInteger('readAll', 'fromPosition', fromPosition, 0)
    if (limit !== undefined) requireInteger('readAll', 'limit', limit, 0)
    if (direction !== 'forward' && direction !== 'backward')
      throw new InvalidArgumentError(
        `readAll: direction must be "forward" or "backward", got ${describe(direction)}.`,
      )
    requireTextList('readAll', 'eventTypes', eventTypes)
    requireTextList('readAll', 'aggregateTypes', aggregateTypes)
    if (tenantId !== undefined) requireText('readAll', 'tenantId', tenantId)
    this.requireConnection()

    const query = {
      above: fromPosition,
      below: undefined,
      direction,
      size: PAGE_SIZE,
      eventTypes,
      aggregateTypes,
      tenantId,
    }
    const span = startIterationSpan(
      this.enableTracing,
      'eventsource.event_store.read_all',
      { ...this.dbAttributes(), [ATTR.FROM_POSITION]: fromPosition },
    )
    let count = 0
    try {
      for await (const page of this.pages(query, limit ?? Infinity)) {
        for (const row of page) {
          count++
          yield this.storedEventOf(row)
        }
      }
    } catch (error) {
      span.fail(error)
      throw error
    } finally {
      span.end(count)
    }
  }

  /** The log page by page. The next page is asked for before this one is decoded, so a server works meanwhile. */
  private async *pages(query: PageQuery, limit: number): AsyncGenerator<Row[]> {
    let remaining = limit
    let next =
      remaining > 0
        ? this.prefetch({ ...query, size: Math.min(PAGE_SIZE, remaining) })
        : undefined
    while (next) {
      const page = await next
      this.requireConnection()
      remaining -= page.length
      next = undefined
      if (page.length === PAGE_SIZE && remaining > 0) {
        const last = this.positionOf(page[page.length - 1]!)
        query =
          query.direction === 'forward'
            ? { ...query, above: last }
            : { ...query, below: last }
        next = this.prefetch({ ...query, size: Math.min(PAGE_SIZE, remaining) })
      }
      yield page
    }
  }

  /** A page read ahead: if the reader stops first, its failure (say, the store closed) is nobody's concern. */
  private prefetch(query: PageQuery): Promise<Row[]> {
    const page = (async () => {
      this.requireConnection()
      return this.readPage(query)
    })()
    page.catch(() => undefined)
    return page
  }

  async getStreamVersion(
    aggregateId: string,
    aggregateType: string,
  ): Promise<number> {
    requireText('getStreamVersion', 'aggregateId', aggregateId)
    requireText('getStreamVersion', 'aggregateType', aggregateType)
    this.requireConnection()
    return this.streamVersion(aggregateId, aggregateType)
  }

  async eventExists(eventId: string): Promise<boolean> {
    requireText('eventExists', 'eventId', eventId)
    this.requireConnection()
    return this.hasEvent(eventId.toLowerCase())
  }

  async getGlobalPosition(): Promise<number> {
    this.requireConnection()
    return this.lastPosition()
  }

  protected requireConnection(): void {
    if (!this.isConnected) throw new NotConnectedError(this.constructor.name)
  }

  private dbAttributes() {
    return { [ATTR.DB_SYSTEM]: this.dbSystem, [ATTR.DB_NAME]: this.dbName }
  }

  private attributes(
    aggregateId: string,
    aggregateType: string,
    extra: Record<string, string | number | string[]>,
  ) {
    return {
      ...this.dbAttributes(),
      [ATTR.AGGREGATE_ID]: aggregateId,
      [ATTR.AGGREGATE_TYPE]: aggregateType,
      ...extra,
    }
  }
}

/** Whether an append wrote events: not an empty one, nor a retry whose events were all stored already. */
function wrote(batch: AppendBatch, result: AppendResult): boolean {
  return result.skipped < batch.events.length
}
