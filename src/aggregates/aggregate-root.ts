import { EventVersionError, InvalidArgumentError } from '../errors.ts'
import { describe, DomainEvent } from '../events/domain-event.ts'
import { findJsonProblem, type JsonValue } from '../events/json.ts'
import { SnapshotError } from '../snapshots/snapshot-error.ts'
import type { Snapshot } from '../snapshots/snapshot-store.ts'

/** An aggregate class: constructed from its id, with its type name and state schema version as statics. */
export interface AggregateClass<
  A extends AggregateRoot<unknown> = AggregateRoot<unknown>,
> {
  new (aggregateId: string): A
  readonly aggregateType: string
  readonly schemaVersion: number
}

/**
 * The base of every aggregate: state rebuilt from events, and new events recorded until they are saved.
 * Subclasses set `static readonly aggregateType`, and implement `getInitialState()` and `apply(event)`.
 */
export abstract class AggregateRoot<S> {
  /**
   * The version of the state's shape, kept with each snapshot. Raise it when the state changes shape:
   * snapshots of another version are then ignored, and the stream is replayed.
   */
  static readonly schemaVersion: number = 1
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

  /**
   * The state as JSON, for a snapshot: the state itself by default. Override it, with `deserializeState`, when
   * the state holds what JSON cannot (a `Map`, a `Date`).
   */
  protected serializeState(): JsonValue {
    return this.state as JsonValue
  }

  /**
   * The state from a snapshot's JSON: the inverse of `serializeState`, the JSON itself by default. Throw when
   * it does not fit, and the repository ignores the snapshot and replays the stream.
   */
  protected deserializeState(state: JsonValue): S {
    return state as S
  }

  /** A snapshot of the state as it is now; `SnapshotError` when the state is not JSON. */
  toSnapshot(): Snapshot {
    const schemaVersion = (this.constructor as AggregateClass).schemaVersion
    if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1)
      throw new InvalidArgumentError(
        `${this.constructor.name}.schemaVersion must be an integer of 1 or more, got ${describe(schemaVersion)}.`,
      )
    const state = this.serializeState()
    const problem = findJsonProblem(state)
    if (problem)
      throw new SnapshotError(
        this.aggregateId,
        this.aggregateType,
        `Cannot snapshot ${this.aggregateType} ${this.aggregateId}: its state is not JSON${problem.path ? ` at ${problem.path}` : ''} (${problem.message}). ` +
          `Override serializeState() and deserializeState() in ${this.constructor.name} to convert it.`,
      )
    return {
      aggregateId: this.aggregateId,
      aggregateType: this.aggregateType,
      version: this.#version,
      schemaVersion,
      state,
      createdAt: new Date(),
    }
  }

  /**
   * Takes state and version from a snapshot of this aggregate, before any event is applied; later events
   * then apply on top (`loadFromHistory`). Throws what `deserializeState` throws.
   */
  restoreFromSnapshot(snapshot: Snapshot): void {
    if (this.#version !== 0 || this.#uncommitted.length > 0)
      throw new InvalidArgumentError(
        `${this.constructor.name}.restoreFromSnapshot: the aggregate has applied events already; restore a new one.`,
      )
    const { schemaVersion } = this.constructor as AggregateClass
    if (
      snapshot?.aggregateId !== this.aggregateId ||
      snapshot.aggregateType !== this.aggregateType ||
      snapshot.schemaVersion !== schemaVersion ||
      !Number.isSafeInteger(snapshot.version) ||
      snapshot.version < 1
    )
      throw new InvalidArgumentError(
        `${this.constructor.name}.restoreFromSnapshot: expected a snapshot of ${this.aggregateType} ${this.aggregateId} ` +
          `with schemaVersion ${schemaVersion} and a version of 1 or more, got ${snapshot ? `one of ${snapshot.aggregateType} ${snapshot.aggregateId} with schemaVersion ${snapshot.schemaVersion}, version ${snapshot.version}` : describe(snapshot)}.`,
      )
    this.#state = this.deserializeState(snapshot.state)
    this.#version = snapshot.version
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
