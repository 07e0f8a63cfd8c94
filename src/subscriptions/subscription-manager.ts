import type { CheckpointRepository } from '../checkpoints/checkpoint-repository.ts'
import type { DeadLetterStore } from '../dead-letters/dead-letter-store.ts'
import { InvalidArgumentError } from '../errors.ts'
import { describe } from '../events/domain-event.ts'
import type { EventSubscriber } from '../projections/event-subscriber.ts'
import {
  requireInteger,
  requireMethods,
  requireOptions,
} from '../stores/arguments.ts'
import type { EventStore } from '../stores/event-store.ts'
import {
  WATCH_APPENDS,
  watchesAppends,
  type StopWatching,
} from '../stores/store-internals.ts'
import {
  checkSubscription,
  type SubscribeOptions,
} from './subscribe-options.ts'
import { SubscriptionRunner, type ReplayReport } from './subscription-runner.ts'
import type { SubscriptionStatus } from './subscription-status.ts'

export interface SubscriptionManagerOptions {
  /** The store whose log the subscriptions read. */
  eventStore: EventStore
  /** Where each subscription's checkpoint is kept. */
  checkpointRepository: CheckpointRepository
  /** Where subscriptions with `onError: 'dead-letter'` record the events they gave up on. */
  deadLetterStore?: DeadLetterStore
  /**
   * How often a live subscription reads the store when nothing told it of new events, in milliseconds
   * (default 250). Appends through the same store object, commits to the same SQLite file and, on
   * PostgreSQL, every session's commits wake it at once.
   */
  pollInterval?: number
}

const OPTION_NAMES = [
  'eventStore',
  'checkpointRepository',
  'deadLetterStore',
  'pollInterval',
] as const

/**
 * Runs subscriptions: each reads the log from its start position in global order, hands its events to its
 * subscriber in batches, saves its checkpoint after them, and, once caught up, goes on with every event any
 * writer commits. Delivery is at least once across crashes (the events since the last checkpoint come
 * again) and exactly once within a run.
 */
export class SubscriptionManager implements AsyncDisposable {
  readonly eventStore: EventStore
  readonly checkpointRepository: CheckpointRepository
  readonly deadLetterStore: DeadLetterStore | undefined
  readonly pollInterval: number
  readonly #runners = new Map<string, SubscriptionRunner>()
  #running = false
  #watching: Promise<StopWatching | undefined> | undefined

  constructor(options: SubscriptionManagerOptions) {
    const {
      eventStore,
      checkpointRepository,
      deadLetterStore,
      pollInterval = 250,
    } = requireOptions('SubscriptionManager', options, [...OPTION_NAMES])
    const method = 'SubscriptionManager'
    requireMethods(method, 'eventStore', eventStore, [
      'readAll',
      'getGlobalPosition',
    ])
    requireMethods(method, 'checkpointRepository', checkpointRepository, [
      'getPosition',
      'savePosition',
    ])
    if (deadLetterStore !== undefined)
      requireMethods(method, 'deadLetterStore', deadLetterStore, [
        'record',
        'list',
        'resolve',
      ])
    requireInteger(method, 'pollInterval', pollInterval, 1)
    this.eventStore = eventStore
    this.checkpointRepository = checkpointRepository
    this.deadLetterStore = deadLetterStore
    this.pollInterval = pollInterval
  }

  /**
   * Adds a subscription for `subscriber` (a `Projection`, or any object with `name`, optional
   * `eventTypes` and `handle`). Added while the manager runs, it starts at once.
   */
  subscribe(subscriber: EventSubscriber, options?: SubscribeOptions): void {
    const settings = checkSubscription(
      subscriber,
      options,
      this.deadLetterStore !== undefined,
    )
    if (this.#runners.has(settings.name))
      throw new InvalidArgumentError(
        `SubscriptionManager.subscribe: there is a subscription named "${settings.name}" already; give each subscriber its own name.`,
      )
    const runner = new SubscriptionRunner(subscriber, settings, this)
    this.#runners.set(settings.name, runner)
    if (this.#running) void runner.start()
  }

  /**
   * Starts every subscription; resolves once all have caught up and are live. Rejects with the error of the
   * first that fails (the others run on). After `stop()`, each resumes where it stopped.
   */
  async start(): Promise<void> {
    this.#watching ??= this.watch()
    await this.#watching
    this.#running = true
    await Promise.all(
      [...this.#runners.values()].map((runner) => runner.start()),
    )
  }

  /** Lets each subscription finish the event in hand and save its checkpoint; then they stop. */
  async stop(): Promise<void> {
    this.#running = false
    await Promise.all(
      [...this.#runners.values()].map((runner) => runner.stop()),
    )
    const watching = this.#watching
    this.#watching = undefined
    const stopWatching = await watching?.catch(() => undefined)
    await stopWatching?.()
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop()
  }

  status(name: string): SubscriptionStatus {
    return this.runner('status', name).status()
  }

  /**
   * Resolves once every subscription is done with every event up to `position` (default: the store's last
   * position now). Rejects if one fails or stops first.
   */
  async waitForPosition(position?: number): Promise<void> {
    if (position !== undefined)
      requireInteger(
        'SubscriptionManager.waitForPosition',
        'position',
        position,
        0,
      )
    const target = position ?? (await this.eventStore.getGlobalPosition())
    await Promise.all(
      [...this.#runners.values()].map((runner) => runner.waitFor(target)),
    )
  }

  /**
   * Hands the subscription's open dead letters to its subscriber again, oldest position first, between
   * two of its batches. Each one handled is marked resolved; each that fails again stays open, its
   * attempts counted.
   */
  async replayDeadLetters(name: string): Promise<ReplayReport> {
    const runner = this.runner('replayDeadLetters', name)
    if (!this.deadLetterStore)
      throw new InvalidArgumentError(
        'SubscriptionManager.replayDeadLetters: the manager has no deadLetterStore.',
      )
    return runner.replayDeadLetters(this.deadLetterStore)
  }

  /** Wakes the subscriptions on appends, where the store can tell; otherwise they poll. */
  private async watch(): Promise<StopWatching | undefined> {
    const store = this.eventStore
    if (!watchesAppends(store)) return undefined
    try {
      return await store[WATCH_APPENDS](() => {
        for (const runner of this.#runners.values()) runner.notify()
      })
    } catch (error) {
      this.#watching = undefined
      throw error
    }
  }

  private runner(method: string, name: string): SubscriptionRunner {
    const runner = this.#runners.get(name)
    if (!runner)
      throw new InvalidArgumentError(
        `SubscriptionManager.${method}: no subscription is named ${describe(name)}; the subscriptions are ${[...this.#runners.keys()].map((n) => `"${n}"`).join(', ') || 'none'}.`,
      )
    return runner
  }
}
