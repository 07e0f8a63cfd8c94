import { z } from 'zod'
import { AggregateRoot } from '../../aggregates/aggregate-root.ts'
import type { CheckpointRepository } from '../../checkpoints/checkpoint-repository.ts'
import type { DeadLetterStore } from '../../dead-letters/dead-letter-store.ts'
import { defineEvent } from '../../events/define-event.ts'
import type { DomainEvent } from '../../events/domain-event.ts'
import { EventRegistry } from '../../events/registry.ts'
import { Projection } from '../../projections/projection.ts'
import type { SnapshotStore } from '../../snapshots/snapshot-store.ts'
import type { EventStore, StoredEvent } from '../../stores/event-store.ts'
import { Deposited, deposits, opened, Opened, Tagged } from '../fixtures.ts'

/** A backend under test: its event store, and its checkpoint, snapshot and dead-letter stores over it. */
export interface ProcessingContractTarget {
  name: string
  /** A new, uninitialized store over fresh, empty storage. */
  create(registry: EventRegistry): EventStore | Promise<EventStore>
  checkpoints(store: EventStore): CheckpointRepository
  snapshots(store: EventStore): SnapshotStore
  deadLetters(store: EventStore): DeadLetterStore
  /**
   * A second store over the storage of `store`, as another writer sees it (another connection); only for
   * backends whose storage can be shared.
   */
  connect?(
    registry: EventRegistry,
    store: EventStore,
  ): EventStore | Promise<EventStore>
  /** Whether a commit through a `connect`ed store wakes a live subscription at once, without polling. */
  wakesOnOtherWriters?: boolean
  /** Damages the stored snapshot of a stream behind the store's back; only for backends with raw access. */
  damageSnapshot?(
    store: EventStore,
    aggregateId: string,
    aggregateType: string,
  ): void | Promise<void>
}

/** Known to `wideRegistry` only: a store with `registry` cannot read it back. */
export const Frozen = defineEvent({
  eventType: 'AccountFrozen',
  aggregateType: 'Account',
  schema: z.object({}),
  registry: false,
})
export const wideRegistry = new EventRegistry()
for (const type of [Opened, Deposited, Tagged, Frozen])
  wideRegistry.register(type)

export interface AccountState {
  owner: string
  balance: number
  deposits: number
}

export class AccountAggregate extends AggregateRoot<AccountState> {
  static readonly aggregateType = 'Account'
  protected getInitialState(): AccountState {
    return { owner: '', balance: 0, deposits: 0 }
  }
  protected apply(event: DomainEvent): void {
    if (event instanceof Opened)
      this.state = { ...this.state, owner: event.owner }
    else if (event instanceof Deposited)
      this.state = {
        ...this.state,
        balance: this.state.balance + event.amount,
        deposits: this.state.deposits + 1,
      }
  }
  open(owner: string): void {
    this.applyEvent(
      new Opened({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        owner,
      }),
    )
  }
  deposit(amount: number): void {
    this.applyEvent(
      new Deposited({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        amount,
      }),
    )
  }
}

/** Balances by account, from opened and deposited events; it records every delivery's position. */
export class Balances extends Projection {
  readonly name: string
  readonly balances = new Map<string, number>()
  readonly positions: number[] = []

  constructor(name = 'balances') {
    super()
    this.name = name
    this.on(Opened, (event, stored) => {
      this.balances.set(event.aggregateId, 0)
      this.positions.push(stored.globalPosition)
    })
    this.on(Deposited, (event, stored) => {
      this.balances.set(
        event.aggregateId,
        (this.balances.get(event.aggregateId) ?? 0) + event.amount,
      )
      this.positions.push(stored.globalPosition)
    })
  }

  override reset(): void {
    this.balances.clear()
    this.positions.length = 0
  }
}

/** A subscriber of every event type whose `handle` is the test's to write. */
export function subscriber(
  name: string,
  handle: (stored: StoredEvent) => void | Promise<void>,
): { name: string; handle: typeof handle } {
  return { name, handle }
}

/** Appends an account's opening and `count` deposits of 1, 2, 3, ... in one call. */
export async function openAccount(
  store: EventStore,
  aggregateId: string,
  count = 2,
): Promise<number> {
  const amounts = Array.from({ length: count }, (_, i) => i + 1)
  const { globalPosition } = await store.appendEvents({
    aggregateId,
    aggregateType: 'Account',
    events: [opened(aggregateId), ...deposits(aggregateId, ...amounts)],
    expectedVersion: 0,
  })
  return globalPosition
}

export async function tag(
  store: EventStore,
  aggregateId: string,
): Promise<number> {
  const { globalPosition } = await store.appendEvents({
    aggregateId,
    aggregateType: 'Label',
    events: [new Tagged({ aggregateId, tag: 'x' })],
    expectedVersion: -1,
  })
  return globalPosition
}

export async function positionsOf(
  store: EventStore,
  eventTypes?: string[],
): Promise<number[]> {
  const positions: number[] = []
  for await (const stored of store.readAll({ eventTypes }))
    positions.push(stored.globalPosition)
  return positions
}

/** A promise and the functions that settle it. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void
  const promise = new Promise<void>((resolve) => (open = resolve))
  return { promise, open }
}
