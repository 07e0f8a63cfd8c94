import { AggregateNotFoundError, InvalidArgumentError } from '../errors.ts'
import { describe } from '../events/domain-event.ts'
import { requireText } from '../stores/arguments.ts'
import type { EventStore } from '../stores/event-store.ts'
import { ATTR, withSpan } from '../tracing/tracer.ts'
import { AggregateRoot, type AggregateClass } from './aggregate-root.ts'

export interface AggregateRepositoryOptions<A extends AggregateRoot<unknown>> {
  eventStore: EventStore
  /** The aggregate class; the repository constructs it with `new aggregateFactory(id)`. */
  aggregateFactory: AggregateClass<A>
  /** The stream type (default: the class's static `aggregateType`). */
  aggregateType?: string
  /** Emit spans for load and save (default: the store's `enableTracing`). */
  enableTracing?: boolean
}

/** Loads aggregates from their streams and saves their new events, with optimistic concurrency. */
export class AggregateRepository<A extends AggregateRoot<unknown>> {
  readonly eventStore: EventStore
  readonly aggregateFactory: AggregateClass<A>
  readonly aggregateType: string
  readonly enableTracing: boolean

  constructor(options: AggregateRepositoryOptions<A>) {
    const { eventStore, aggregateFactory, aggregateType, enableTracing } =
      options ?? ({} as AggregateRepositoryOptions<A>)
    if (typeof eventStore?.appendEvents !== 'function')
      throw new InvalidArgumentError(
        `AggregateRepository: eventStore must be an event store, got ${describe(eventStore)}.`,
      )
    if (
      typeof aggregateFactory !== 'function' ||
      !(aggregateFactory.prototype instanceof AggregateRoot)
    ) {
      throw new InvalidArgumentError(
        `AggregateRepository: aggregateFactory must be a class extending AggregateRoot, got ${describe(aggregateFactory)}.`,
      )
    }
    const type = aggregateType ?? aggregateFactory.aggregateType
    requireText('AggregateRepository', 'aggregateType', type)
    if (
      aggregateFactory.aggregateType !== undefined &&
      aggregateFactory.aggregateType !== type
    ) {
      throw new InvalidArgumentError(
        `AggregateRepository: aggregateType "${type}" differs from ${aggregateFactory.name}.aggregateType "${aggregateFactory.aggregateType}".`,
      )
    }
    this.eventStore = eventStore
    this.aggregateFactory = aggregateFactory
    this.aggregateType = type
    this.enableTracing = enableTracing ?? eventStore.enableTracing ?? true
  }

  /** A new, empty aggregate; nothing is stored until it is saved. */
  createNew(aggregateId: string): A {
    return new this.aggregateFactory(aggregateId)
  }

  /**
   * Appends the aggregate's new events, expecting the stream at the version it was loaded at. On a conflict
   * `OptimisticLockError` propagates and the events stay uncommitted.
   */
  async save(aggregate: A): Promise<void> {
    if (!(aggregate instanceof this.aggregateFactory))
      throw new InvalidArgumentError(
        `AggregateRepository.save: expected a ${this.aggregateFactory.name}, got ${describe(aggregate)}.`,
      )
    const events = aggregate.uncommittedEvents
    if (events.length === 0) return
    const expectedVersion = aggregate.version - events.length
    await withSpan(
      this.enableTracing,
      'eventsource.repository.save',
      () =>
        this.attributes(aggregate.aggregateId, {
          [ATTR.EVENT_COUNT]: events.length,
          [ATTR.EXPECTED_VERSION]: expectedVersion,
          [ATTR.EVENT_TYPES]: [...new Set(events.map((e) => e.eventType))],
        }),
      async () => {
        await this.eventStore.appendEvents({
          aggregateId: aggregate.aggregateId,
          aggregateType: this.aggregateType,
          events,
          expectedVersion,
        })
        aggregate.markEventsAsCommitted()
      },
    )
  }

  /** The aggregate rebuilt from its stream; `AggregateNotFoundError` when the stream has no events. */
  async load(aggregateId: string): Promise<A> {
    requireText('AggregateRepository.load', 'aggregateId', aggregateId)
    return withSpan(
      this.enableTracing,
      'eventsource.repository.load',
      () => this.attributes(aggregateId, {}),
      async (span) => {
        const stream = await this.eventStore.getEvents(
          aggregateId,
          this.aggregateType,
        )
        if (stream.events.length === 0)
          throw new AggregateNotFoundError(aggregateId, this.aggregateType)
        const aggregate = this.createNew(aggregateId)
        aggregate.loadFromHistory(stream.events)
        span?.setAttribute(ATTR.EVENT_COUNT, stream.events.length)
        return aggregate
      },
    )
  }

  async exists(aggregateId: string): Promise<boolean> {
    requireText('AggregateRepository.exists', 'aggregateId', aggregateId)
    return (
      (await this.eventStore.getStreamVersion(
        aggregateId,
        this.aggregateType,
      )) > 0
    )
  }

  /** The stored aggregate, or a new one when it has no events yet. */
  async loadOrCreate(aggregateId: string): Promise<A> {
    try {
      return await this.load(aggregateId)
    } catch (error) {
      if (error instanceof AggregateNotFoundError)
        return this.createNew(aggregateId)
      throw error
    }
  }

  private attributes(
    aggregateId: string,
    extra: Record<string, string | number | string[]>,
  ) {
    return {
      [ATTR.AGGREGATE_ID]: aggregateId,
      [ATTR.AGGREGATE_TYPE]: this.aggregateType,
      ...extra,
    }
  }
}
