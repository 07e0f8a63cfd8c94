import { EventVersionError, InvalidArgumentError } from '../errors.ts'
import { describe, DomainEvent } from '../events/domain-event.ts'

/** An aggregate class: constructed from its id, with its type name as a static. */
export interface AggregateClass<
  A extends AggregateRoot<unknown> = AggregateRoot<unknown>,
> {
  new (aggregateId: string): A
  readonly aggregateType: string
}

/**
 * The base of every aggregate: state rebuilt from events, and new events recorded until they are saved.
 * Subclasses set `static readonly aggregateType`, and implement `getInitialState()` and `apply(event)`.
 */
export abstract class AggregateRoot<S> {
  readonly aggregateId: string
  #version = 0
  #state: S | undefined
  #uncommitted: DomainEvent[] = []

  constructor(aggregateId: string) {
    if (typeof aggregateId !== 'string' || aggregateId.trim() === '') {
      throw new InvalidArgumentError(
        `${new.target.name}: aggregateId must be a non-empty string, got ${describe(aggregateId)}.`,
      )
    }
    const aggregateType = (new.target as unknown as { aggregateType?: unknown })
      .aggregateType
    if (typeof aggregateType !== 'string' || aggregateType === '') {
      throw new InvalidArgumentError(
        `${new.target.name} must declare its type: static readonly aggregateType = '${new.target.name.replace(/Aggregate$/, '')}'.`,
      )
    }
    this.aggregateId = aggregateId
  }

  get aggregateType(): string {
    return (this.constructor as AggregateClass).aggregateType
  }

  /** How many events the aggregate has applied: 0 when new. */
  get version(): number {
    return this.#version
  }

  get state(): S {
    return (this.#state ??= this.getInitialState())
  }

  protected set state(state: S) {
    this.#state = state
  }

  /** Events applied since the last save, oldest first. */
  get uncommittedEvents(): readonly DomainEvent[] {
    return [...this.#uncommitted]
  }

  /** The `aggregateVersion` a new event needs. */
  getNextVersion(): number {
    return this.#version + 1
  }

  protected abstract getInitialState(): S
  /** Changes `this.state` for one event. Called for new events and for history alike, so it must not fail. */
  protected abstract apply(event: DomainEvent): void

  /** Applies a new event and records it to be saved. */
  applyEvent(event: DomainEvent): void {
    this.applyInOrder(event)
    this.#uncommitted.push(event)
  }

  /** Rebuilds state from stored events, recording none of them. */
  loadFromHistory(events: Iterable<DomainEvent>): void {
    for (const event of events) this.applyInOrder(event)
  }

  markEventsAsCommitted(): void {
    this.#uncommitted = []
  }

  private applyInOrder(event: DomainEvent): void {
    if (!(event instanceof DomainEvent))
      throw new InvalidArgumentError(
        `${this.constructor.name}: expected an event, got ${describe(event)}.`,
      )
    const expected = this.#version + 1
    if (
      event.aggregateId !== this.aggregateId ||
      event.aggregateType !== this.aggregateType
    ) {
      throw new EventVersionError(
        this.aggregateId,
        expected,
        event.aggregateVersion,
        `${event.eventType} belongs to ${event.aggregateType} ${event.aggregateId}, not to ${this.aggregateType} ${this.aggregateId}.`,
      )
    }
    if (event.aggregateVersion !== expected)
      throw new EventVersionError(
        this.aggregateId,
        expected,
        event.aggregateVersion,
      )
    this.apply(event)
    this.#version = expected
  }
}
