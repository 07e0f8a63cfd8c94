import type { Span } from '@opentelemetry/api'
import { EventPublishError } from '../bus/event-publish-error.ts'
import type { EventPublisher } from '../bus/event-publisher.ts'
import {
  AggregateNotFoundError,
  InvalidArgumentError,
  isEventSourceError,
} from '../errors.ts'
import { describe, type DomainEvent } from '../events/domain-event.ts'
import { SnapshotError } from '../snapshots/snapshot-error.ts'
import type { Snapshot, SnapshotStore } from '../snapshots/snapshot-store.ts'
import {
  requireInteger,
  requireMethods,
  requireOptions,
  requireText,
} from '../stores/arguments.ts'
import type { EventStore } from '../stores/event-store.ts'
import { ATTR, recordError, withSpan } from '../tracing/tracer.ts'
import { AggregateRoot, type AggregateClass } from './aggregate-root.ts'

export interface AggregateRepositoryOptions<A extends AggregateRoot<unknown>> {
  eventStore: EventStore
  /** The aggregate class; the repository constructs it with `new aggregateFactory(id)`. */
  aggregateFactory: AggregateClass<A>
  /** The stream type (default: the class's static `aggregateType`). */
  aggregateType?: string
  /** Emit spans for load and save (default: the store's `enableTracing`). */
  enableTracing?: boolean
  /** Receives the saved events after each commit, such as an `InMemoryEventBus`. */
  eventPublisher?: EventPublisher
  /** Where snapshots are kept: `load` starts from one, `createSnapshot` writes one. */
  snapshotStore?: SnapshotStore
  /**
   * With `snapshotStore`: a save that takes the stream past a multiple of this many events writes a
   * snapshot after the commit. Without it, only `createSnapshot` writes them.
   */
  snapshotThreshold?: number
  /**
   * Told when a snapshot cannot be written after a save, or cannot be used on load. The save or load goes
   * on without it; the error is also recorded on the span. Default: nothing else.
   */
  onSnapshotError?: (error: SnapshotError) => void
}

const OPTION_NAMES = [
  'eventStore',
  'aggregateFactory',
  'aggregateType',
  'enableTracing',
  'eventPublisher',
  'snapshotStore',
  'snapshotThreshold',
  'onSnapshotError',
] as const

/**
 * Loads aggregates from their streams and saves their new events, with optimistic concurrency; publishes
 * saved events and keeps snapshots when configured to.
 */
export class AggregateRepository<A extends AggregateRoot<unknown>> {
  readonly eventStore: EventStore
  readonly aggregateFactory: AggregateClass<A>
  readonly aggregateType: string
  readonly enableTracing: boolean
  readonly eventPublisher: EventPublisher | undefined
  readonly snapshotStore: SnapshotStore | undefined
  readonly snapshotThreshold: number | undefined
  readonly #onSnapshotError: (error: SnapshotError) => void

  constructor(options: AggregateRepositoryOptions<A>) {
    const {
      eventStore,
      aggregateFactory,
      aggregateType,
      enableTracing,
      eventPublisher,
      snapshotStore,
      snapshotThreshold,
      onSnapshotError = () => undefined,
    } = requireOptions('AggregateRepository', options, [...OPTION_NAMES])
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
    if (eventPublisher !== undefined)
      requireMethods('AggregateRepository', 'eventPublisher', eventPublisher, [
        'publish',
      ])
    if (snapshotStore !== undefined)
      requireMethods('AggregateRepository', 'snapshotStore', snapshotStore, [
        'get',
        'save',
        'delete',
      ])
    if (snapshotThreshold !== undefined) {
      requireInteger(
        'AggregateRepository',
        'snapshotThreshold',
        snapshotThreshold,
        1,
      )
      if (!snapshotStore)
        throw new InvalidArgumentError(
          'AggregateRepository: snapshotThreshold needs a snapshotStore to write the snapshots to.',
        )
    }
    if (typeof onSnapshotError !== 'function')
      throw new InvalidArgumentError(
        `AggregateRepository: onSnapshotError must be a function, got ${describe(onSnapshotError)}.`,
      )
    this.eventStore = eventStore
    this.aggregateFactory = aggregateFactory
    this.aggregateType = type
    this.enableTracing = enableTracing ?? eventStore.enableTracing ?? true
    this.eventPublisher = eventPublisher
    this.snapshotStore = snapshotStore
    this.snapshotThreshold = snapshotThreshold
    this.#onSnapshotError = onSnapshotError
  }

  /** A new, empty aggregate; nothing is stored until it is saved. */
  createNew(aggregateId: string): A {
    return new this.aggregateFactory(aggregateId)
  }

  /**
   * Appends the aggregate's new events, expecting the stream at the version it was loaded at. On a conflict
   * `OptimisticLockError` propagates and the events stay uncommitted. After the commit it writes a snapshot
   * when the save crosses a multiple of `snapshotThreshold` (a failure there never fails the save), then
   * publishes the events: when a handler fails, the save stands and `EventPublishError` says so.
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
      async (span) => {
        await this.eventStore.appendEvents({
          aggregateId: aggregate.aggregateId,
          aggregateType: this.aggregateType,
          events,
          expectedVersion,
        })
        aggregate.markEventsAsCommitted()
        const threshold = this.snapshotThreshold
        if (
          threshold &&
          Math.floor(aggregate.version / threshold) >
            Math.floor(expectedVersion / threshold)
        )
          await this.writeSnapshot(aggregate, span)
        if (this.eventPublisher)
          await this.publish(aggregate, events, this.eventPublisher)
      },
    )
  }

  /**
   * The aggregate rebuilt from its stream: from its snapshot and the events after it, when there is a usable
   * one; `AggregateNotFoundError` when the stream has no events.
   */
  async load(aggregateId: string): Promise<A> {
    requireText('AggregateRepository.load', 'aggregateId', aggregateId)
    return withSpan(
      this.enableTracing,
      'eventsource.repository.load',
      () => this.attributes(aggregateId, {}),
      async (span) => {
        const snapshot = await this.readSnapshot(aggregateId, span)
        let aggregate = this.createNew(aggregateId)
        let fromVersion = 0
        if (snapshot) {
          try {
            aggregate.restoreFromSnapshot(snapshot)
            fromVersion = snapshot.version
          } catch (error) {
            this.reportSnapshotError(
              span,
              this.snapshotError(aggregateId, 'could not be restored', error),
            )
            aggregate = this.createNew(aggregateId)
          }
        }
        let stream = await this.eventStore.getEvents(
          aggregateId,
          this.aggregateType,
          { fromVersion },
        )
        if (stream.version < fromVersion) {
          // A snapshot ahead of its stream is of some other history: the stream is the truth.
          this.reportSnapshotError(
            span,
            this.snapshotError(
              aggregateId,
              `is at version ${fromVersion}, but the stream only at ${stream.version}`,
            ),
          )
          aggregate = this.createNew(aggregateId)
          stream = await this.eventStore.getEvents(
            aggregateId,
            this.aggregateType,
          )
        }
        if (stream.version === 0)
          throw new AggregateNotFoundError(aggregateId, this.aggregateType)
        aggregate.loadFromHistory(stream.events)
        span?.setAttribute(ATTR.EVENT_COUNT, stream.events.length)
        span?.setAttribute(
          ATTR.SNAPSHOT_VERSION,
          aggregate.version - stream.events.length,
        )
        return aggregate
      },
    )
  }

  /**
   * Writes a snapshot of the aggregate as it is, replacing the stream's last one, and returns it. The
   * aggregate must be saved (no uncommitted events). Throws what the snapshot store throws.
   */
  async createSnapshot(aggregate: A): Promise<Snapshot> {
    if (!(aggregate instanceof this.aggregateFactory))
      throw new InvalidArgumentError(
        `AggregateRepository.createSnapshot: expected a ${this.aggregateFactory.name}, got ${describe(aggregate)}.`,
      )
    if (!this.snapshotStore)
      throw new InvalidArgumentError(
        'AggregateRepository.createSnapshot: the repository has no snapshotStore; pass one to its constructor.',
      )
    if (aggregate.uncommittedEvents.length > 0 || aggregate.version === 0)
      throw new InvalidArgumentError(
        `AggregateRepository.createSnapshot: ${this.aggregateType} ${aggregate.aggregateId} has ${aggregate.version === 0 ? 'no events' : 'unsaved events'}; save it first.`,
      )
    const snapshot = aggregate.toSnapshot()
    await this.snapshotStore.save(snapshot)
    return snapshot
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

  /** The stream's snapshot when it fits this class; undefined when there is none, or it is of no use. */
  private async readSnapshot(
    aggregateId: string,
    span: Span | undefined,
  ): Promise<Snapshot | undefined> {
    if (!this.snapshotStore) return undefined
    try {
      const snapshot = await this.snapshotStore.get(
        aggregateId,
        this.aggregateType,
      )
      // Another schema version is no error: the state changed shape since, and the stream says the rest.
      return snapshot?.schemaVersion === this.aggregateFactory.schemaVersion
        ? snapshot
        : undefined
    } catch (error) {
      this.reportSnapshotError(
        span,
        this.snapshotError(aggregateId, 'could not be read', error),
      )
      return undefined
    }
  }

  private async writeSnapshot(
    aggregate: A,
    span: Span | undefined,
  ): Promise<void> {
    try {
      await this.createSnapshot(aggregate)
    } catch (error) {
      this.reportSnapshotError(
        span,
        isEventSourceError(error, SnapshotError)
          ? error
          : new SnapshotError(
              aggregate.aggregateId,
              this.aggregateType,
              `The snapshot of ${this.aggregateType} ${aggregate.aggregateId} at version ${aggregate.version} could not be written: ` +
                `${error instanceof Error ? error.message : String(error)}. The save itself succeeded; loads replay more events until a later snapshot is written.`,
              { cause: error },
            ),
      )
    }
  }

  private async publish(
    aggregate: A,
    events: readonly DomainEvent[],
    publisher: EventPublisher,
  ): Promise<void> {
    try {
      await publisher.publish(events)
    } catch (error) {
      const failures = isEventSourceError(error, EventPublishError)
        ? error.failures
        : [
            {
              event: undefined,
              handler: publisher.constructor?.name ?? 'publisher',
              error,
            },
          ]
      throw new EventPublishError(
        failures,
        {
          aggregateId: aggregate.aggregateId,
          aggregateType: this.aggregateType,
          version: aggregate.version,
        },
        { cause: error },
      )
    }
  }

  private snapshotError(
    aggregateId: string,
    what: string,
    cause?: unknown,
  ): SnapshotError {
    if (isEventSourceError(cause, SnapshotError)) return cause
    const why =
      cause === undefined
        ? ''
        : `: ${cause instanceof Error ? cause.message : String(cause)}`
    return new SnapshotError(
      aggregateId,
      this.aggregateType,
      `The snapshot of ${this.aggregateType} ${aggregateId} ${what}${why}. It was ignored and the stream replayed in full; ` +
        'the next snapshot written replaces it.',
      { cause },
    )
  }

  private reportSnapshotError(
    span: Span | undefined,
    error: SnapshotError,
  ): void {
    recordError(span, error)
    try {
      this.#onSnapshotError(error)
    } catch {
      // A reporting hook that throws must not fail the save or the load it reports on.
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
