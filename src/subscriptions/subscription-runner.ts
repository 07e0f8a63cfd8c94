import type { CheckpointRepository } from '../checkpoints/checkpoint-repository.ts'
import type { DeadLetterStore } from '../dead-letters/dead-letter-store.ts'
import {
  EventSerializationError,
  EventTypeNotFoundError,
  EventValidationError,
  isEventSourceError,
  StoreError,
} from '../errors.ts'
import type { DomainEvent } from '../events/domain-event.ts'
import type { EventSubscriber } from '../projections/event-subscriber.ts'
import type { EventStore, StoredEvent } from '../stores/event-store.ts'
import { retryDelay } from './retry.ts'
import type { SubscriptionSettings } from './subscribe-options.ts'
import {
  EventProcessingError,
  SubscriptionError,
} from './subscription-errors.ts'
import type {
  SubscriptionState,
  SubscriptionStatus,
} from './subscription-status.ts'
import { Turns } from './turns.ts'

/** What every subscription of a manager shares: the manager's own fields, under their names. */
export interface SubscriptionContext {
  readonly eventStore: EventStore
  readonly checkpointRepository: CheckpointRepository
  readonly deadLetterStore: DeadLetterStore | undefined
  readonly pollInterval: number
}

/** What a replay of dead letters did. */
export interface ReplayReport {
  /** Handled this time, and marked resolved. */
  replayed: number
  /** Failed again: their records count the attempt and keep the latest error. */
  failed: number
}

interface Waiter {
  position: number
  resolve(): void
  reject(error: Error): void
}

/**
 * Runs one subscription: reads the log from its position, hands each event to the subscriber, saves the
 * checkpoint after the events it covers are handled (at the end of each batch, without waiting for the
 * database, and when it catches up or stops, waiting), and, once caught up, waits for new events (woken by
 * `notify`, or polling). One loop does both catching up and following, so nothing is read twice or missed
 * between them.
 */
export class SubscriptionRunner {
  readonly name: string
  readonly #subscriber: EventSubscriber
  readonly #settings: SubscriptionSettings
  readonly #context: SubscriptionContext
  readonly #turns = new Turns()
  readonly #waiters = new Set<Waiter>()
  #state: SubscriptionState = 'stopped'
  /** The last position done with; undefined until the first run has found where to start. */
  #position: number | undefined
  #saved: number | undefined
  /** The checkpoint save in flight, if any, and the failure of the last one, to be thrown at the next save. */
  #saving: Promise<void> | undefined
  #saveFailure: { error: unknown } | undefined
  #head = 0
  #lastError: Error | undefined
  #run: Promise<void> | undefined
  #caughtUp:
    | { promise: Promise<void>; resolve(): void; reject(e: Error): void }
    | undefined
  #stopping = false
  /** Set by `notify`: the log may have grown since the last read. */
  #dirty = false
  #wake: (() => void) | undefined
  #halt: (() => void) | undefined

  constructor(
    subscriber: EventSubscriber,
    settings: SubscriptionSettings,
    context: SubscriptionContext,
  ) {
    this.name = settings.name
    this.#subscriber = subscriber
    this.#settings = settings
    this.#context = context
  }

  /** Starts the loop if it is not running; resolves once caught up, rejects if it fails or stops first. */
  start(): Promise<void> {
    if (!this.#run) {
      this.#stopping = false
      this.#state = 'catching-up'
      this.#caughtUp = deferred()
      this.#run = this.loop().finally(() => (this.#run = undefined))
    }
    return this.#caughtUp!.promise
  }

  /** Finishes the event in hand, saves the checkpoint and ends the loop. */
  async stop(): Promise<void> {
    this.#stopping = true
    this.#halt?.()
    await this.#run
  }

  /** Tells it the log may have grown: a live subscription reads at once instead of at its next poll. */
  notify(): void {
    this.#dirty = true
    this.#wake?.()
  }

  status(): SubscriptionStatus {
    const position = this.#position ?? 0
    return {
      state: this.#state,
      position,
      lag: Math.max(0, this.#head - position),
      lastError: this.#lastError,
    }
  }

  /** Resolves once it is done with every event up to `position`; rejects if it fails or stops first. */
  waitFor(position: number): Promise<void> {
    if ((this.#position ?? -1) >= position) return Promise.resolve()
    if (this.#state === 'stopped' || this.#state === 'failed')
      return Promise.reject(
        this.#state === 'failed' && this.#lastError
          ? this.#lastError
          : this.notRunning(position),
      )
    return new Promise((resolve, reject) =>
      this.#waiters.add({ position, resolve, reject }),
    )
  }

  /** Hands each open dead letter of this subscription to the subscriber again, between two batches. */
  async replayDeadLetters(deadLetters: DeadLetterStore): Promise<ReplayReport> {
    const report: ReplayReport = { replayed: 0, failed: 0 }
    for (const letter of await deadLetters.list({ subscription: this.name })) {
      const endTurn = await this.#turns.take()
      try {
        await this.#subscriber.handle(await this.eventAt(letter.globalPosition))
        await deadLetters.resolve(letter.id)
        report.replayed++
      } catch (error) {
        await deadLetters.record({
          subscription: this.name,
          globalPosition: letter.globalPosition,
          error: errorText(error),
          attempts: 1,
        })
        report.failed++
      } finally {
        endTurn()
      }
    }
    return report
  }

  private async loop(): Promise<void> {
    let storeFailures = 0
    try {
      while (!this.#stopping) {
        try {
          if (this.#position === undefined) {
            this.#position = await this.startPosition()
            this.#head = this.#position
          }
          const caughtUp = await this.pass()
          storeFailures = 0
          if (!caughtUp || this.#stopping) continue
          if (this.#state !== 'live') {
            this.#state = 'live'
            this.#caughtUp!.resolve()
          }
          if (!this.#dirty) await this.pause(this.#context.pollInterval, true)
        } catch (error) {
          // The store failing (busy, unreachable) is waited out; anything else ends the subscription.
          if (!isEventSourceError(error, StoreError)) throw error
          this.#lastError = error
          await this.pause(
            retryDelay(++storeFailures, this.#settings.retry),
            false,
          )
        }
      }
      await this.saveFinalCheckpoint()
      this.end(
        'stopped',
        new SubscriptionError(
          this.name,
          `Subscription "${this.name}" was stopped before it caught up.`,
        ),
      )
    } catch (error) {
      this.#lastError = toError(error)
      await this.saveFinalCheckpoint()
      this.end('failed', this.#lastError)
    }
  }

  /**
   * Reads from the position to the end of the log and handles what it finds; true when it got there. Every
   * position up to the head it saw first is then done with, including events of types it does not read:
   * the store makes positions visible in order, so its last page saw them all.
   */
  private async pass(): Promise<boolean> {
    this.#dirty = false
    const { eventStore } = this.#context
    const head = await eventStore.getGlobalPosition()
    if (head > this.#head) this.#head = head
    let endTurn = await this.#turns.take()
    let inBatch = 0
    try {
      for await (const stored of eventStore.readAll({
        fromPosition: this.#position,
        eventTypes: this.#settings.eventTypes,
      })) {
        if (this.#stopping) return false
        const delivered = this.deliver(stored)
        if (delivered !== true && !(await delivered)) return false
        this.advance(stored.globalPosition)
        if (++inBatch === this.#settings.batchSize) {
          inBatch = 0
          this.saveInBackground()
          endTurn()
          endTurn = await this.#turns.take()
        }
      }
    } catch (error) {
      if (!isUnreadableEvent(error, this.#position!)) throw error
      // A stored event that cannot be read is one this subscription cannot process.
      await this.giveUp(error.globalPosition!, undefined, 1, error)
      this.advance(error.globalPosition!)
      this.#dirty = true
      return false
    } finally {
      endTurn()
    }
    if (head > this.#position!) this.advance(head)
    await this.saveCheckpoint()
    return true
  }

  /**
   * Hands one event to the subscriber, retrying; false when it was stopped while waiting to retry. A
   * synchronous handler that succeeds costs no promise: catching up is mostly that.
   */
  private deliver(stored: StoredEvent): boolean | Promise<boolean> {
    try {
      const handled = this.#subscriber.handle(stored)
      return isPromiseLike(handled)
        ? Promise.resolve(handled).then(
            () => true,
            (error: unknown) => this.retry(stored, error),
          )
        : true
    } catch (error) {
      return this.retry(stored, error)
    }
  }

  private async retry(
    stored: StoredEvent,
    firstError: unknown,
  ): Promise<boolean> {
    const { maxAttempts } = this.#settings.retry
    let error = firstError
    for (let attempt = 1; ; attempt++) {
      if (attempt >= maxAttempts) {
        await this.giveUp(stored.globalPosition, stored.event, attempt, error)
        return true
      }
      this.#lastError = toError(error)
      await this.pause(retryDelay(attempt, this.#settings.retry), false)
      if (this.#stopping) return false
      try {
        await this.#subscriber.handle(stored)
        return true
      } catch (next) {
        error = next
      }
    }
  }

  /** After the last attempt: throws to stop the subscription, or records a dead letter and goes on. */
  private async giveUp(
    globalPosition: number,
    event: DomainEvent | undefined,
    attempts: number,
    error: unknown,
  ): Promise<void> {
    const eventType =
      event?.eventType ?? (error as { eventType?: string }).eventType
    const { onError } = this.#settings
    const failure = new EventProcessingError(
      this.name,
      globalPosition,
      eventType,
      attempts,
      onError === 'stop' ? 'stopped' : 'dead-lettered',
      error,
    )
    this.#lastError = failure
    if (onError === 'stop') throw failure
    await this.#context.deadLetterStore!.record({
      subscription: this.name,
      globalPosition,
      eventId: event?.eventId,
      eventType,
      aggregateId: event?.aggregateId,
      aggregateType: event?.aggregateType,
      error: errorText(error),
      attempts,
    })
  }

  private advance(position: number): void {
    this.#position = position
    if (position > this.#head) this.#head = position
    for (const waiter of this.#waiters)
      if (position >= waiter.position) {
        this.#waiters.delete(waiter)
        waiter.resolve()
      }
  }

  private async startPosition(): Promise<number> {
    const { eventStore, checkpointRepository } = this.#context
    const { startFrom } = this.#settings
    if (startFrom === 'checkpoint')
      return (this.#saved = await checkpointRepository.getPosition(this.name))
    if (startFrom === 'beginning') return 0
    if (startFrom === 'end') return eventStore.getGlobalPosition()
    return startFrom
  }

  /**
   * At the end of a batch: starts saving the position, and goes on handling meanwhile. When the save before
   * is still in flight (a database slower than the handler) it saves nothing: a later batch saves a later
   * position. A failed save is thrown at the next one.
   */
  private saveInBackground(): void {
    this.throwSaveFailure()
    const position = this.#position
    if (this.#saving || position === undefined || position === this.#saved)
      return
    this.#saving = this.#context.checkpointRepository
      .savePosition(this.name, position)
      .then(
        () => void (this.#saved = position),
        (error: unknown) => void (this.#saveFailure ??= { error }),
      )
      .finally(() => (this.#saving = undefined))
  }

  /** Saves the position if it moved, after the save in flight. */
  private async saveCheckpoint(): Promise<void> {
    await this.#saving
    this.throwSaveFailure()
    const position = this.#position
    if (position === undefined || position === this.#saved) return
    await this.#context.checkpointRepository.savePosition(this.name, position)
    this.#saved = position
  }

  private throwSaveFailure(): void {
    const failure = this.#saveFailure
    this.#saveFailure = undefined
    if (failure) throw failure.error
  }

  /** The save when the loop ends: a failure is kept as `lastError`, as it only means redelivery later. */
  private async saveFinalCheckpoint(): Promise<void> {
    try {
      await this.saveCheckpoint()
    } catch (error) {
      this.#lastError = toError(error)
    }
  }

  /** Waits `ms`, or less: `stop` ends every pause, `notify` the ones that may be woken. */
  private pause(ms: number, wakeable: boolean): Promise<void> {
    if (this.#stopping) return Promise.resolve()
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer)
        this.#wake = this.#halt = undefined
        resolve()
      }
      const timer = setTimeout(end, ms)
      this.#halt = end
      if (wakeable) this.#wake = end
    })
  }

  private end(state: 'stopped' | 'failed', error: Error): void {
    this.#state = state
    this.#caughtUp?.reject(error)
    for (const waiter of this.#waiters)
      waiter.reject(
        state === 'failed' ? error : this.notRunning(waiter.position),
      )
    this.#waiters.clear()
  }

  private notRunning(position: number): SubscriptionError {
    return new SubscriptionError(
      this.name,
      `Subscription "${this.name}" is ${this.#state} at position ${this.#position ?? 0}, before position ${position}: start() it to go on.`,
    )
  }

  private async eventAt(position: number): Promise<StoredEvent> {
    for await (const stored of this.#context.eventStore.readAll({
      fromPosition: position - 1,
      limit: 1,
    }))
      if (stored.globalPosition === position) return stored
    throw new SubscriptionError(
      this.name,
      `The event at global position ${position} is not in the store: this dead letter cannot be replayed.`,
    )
  }
}

/** A stored event after `position` that the store could not read back: an unknown type, invalid, or damaged. */
function isUnreadableEvent(
  error: unknown,
  position: number,
): error is { globalPosition: number; eventType: string } {
  const at = (error as { globalPosition?: unknown })?.globalPosition
  return (
    typeof at === 'number' &&
    at > position &&
    (isEventSourceError(error, EventTypeNotFoundError) ||
      isEventSourceError(error, EventValidationError) ||
      isEventSourceError(error, EventSerializationError))
  )
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === 'function'
}

function deferred(): {
  promise: Promise<void>
  resolve(): void
  reject(e: Error): void
} {
  let resolve!: () => void
  let reject!: (e: Error) => void
  const promise = new Promise<void>(
    (yes, no) => ((resolve = yes), (reject = no)),
  )
  // A subscription started without anyone awaiting it reports through its status instead.
  promise.catch(() => undefined)
  return { promise, resolve, reject }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

function errorText(error: unknown): string {
  return error instanceof Error
    ? `${error.name}: ${error.message}`
    : String(error)
}
