import { InvalidArgumentError } from '../errors.ts'
import { describe } from '../events/domain-event.ts'
import type { EventSubscriber } from '../projections/event-subscriber.ts'
import {
  requireInteger,
  requireOptions,
  requireText,
  requireTextList,
} from '../stores/arguments.ts'
import {
  checkRetryOptions,
  type RetryOptions,
  type RetrySettings,
} from './retry.ts'

/**
 * Where a subscription starts when it first runs: after its saved checkpoint (none: the beginning), at the
 * beginning of the log, at its end (only new events), or after a global position.
 */
export type StartFrom = 'checkpoint' | 'beginning' | 'end' | number

/** What happens to an event whose handler failed on every attempt. */
export type ErrorPolicy = 'stop' | 'dead-letter'

export interface SubscribeOptions {
  /** Default `'checkpoint'`. */
  startFrom?: StartFrom
  /**
   * The checkpoint is saved after every `batchSize` events (default 100), and whenever the subscription
   * catches up or stops. A save at the end of a batch does not hold up the next one; while it is in flight,
   * the next batch saves nothing. After a crash, the events since the last save are delivered again: at most
   * `batchSize`, more only when the database takes longer to save a checkpoint than the subscriber to handle
   * a batch.
   */
  batchSize?: number
  retry?: RetryOptions
  /**
   * `'stop'` (default): the subscription fails, its checkpoint before the event. `'dead-letter'`: the event is
   * recorded in the manager's `deadLetterStore` and the subscription goes on.
   */
  onError?: ErrorPolicy
}

/** A subscription's checked settings. */
export interface SubscriptionSettings {
  name: string
  eventTypes: readonly string[] | undefined
  startFrom: StartFrom
  batchSize: number
  retry: RetrySettings
  onError: ErrorPolicy
}

const METHOD = 'SubscriptionManager.subscribe'
const START_FROM = ['checkpoint', 'beginning', 'end']

export function checkSubscription(
  subscriber: EventSubscriber,
  options: SubscribeOptions | undefined,
  hasDeadLetterStore: boolean,
): SubscriptionSettings {
  if (
    subscriber === null ||
    typeof subscriber !== 'object' ||
    typeof subscriber.handle !== 'function'
  )
    throw new InvalidArgumentError(
      `${METHOD} expects a projection, or an object with a name and handle(stored), got ${describe(subscriber)}.`,
    )
  const { name, eventTypes } = subscriber
  requireText(METHOD, 'the subscriber’s name', name)
  requireTextList(METHOD, `${name}.eventTypes`, eventTypes)
  const {
    startFrom = 'checkpoint',
    batchSize = 100,
    retry,
    onError = 'stop',
  } = requireOptions(METHOD, options, [
    'startFrom',
    'batchSize',
    'retry',
    'onError',
  ])
  if (typeof startFrom === 'number')
    requireInteger(
      METHOD,
      'startFrom',
      startFrom,
      0,
      `'checkpoint', 'beginning', 'end' or a global position (an integer of 0 or more)`,
    )
  else if (!START_FROM.includes(startFrom))
    throw new InvalidArgumentError(
      `${METHOD}: startFrom must be 'checkpoint', 'beginning', 'end' or a global position, got ${describe(startFrom)}.`,
    )
  requireInteger(METHOD, 'batchSize', batchSize, 1)
  if (onError !== 'stop' && onError !== 'dead-letter')
    throw new InvalidArgumentError(
      `${METHOD}: onError must be 'stop' or 'dead-letter', got ${describe(onError)}.`,
    )
  if (onError === 'dead-letter' && !hasDeadLetterStore)
    throw new InvalidArgumentError(
      `${METHOD}: onError 'dead-letter' needs somewhere to record them: give the SubscriptionManager a deadLetterStore.`,
    )
  return {
    name,
    eventTypes: eventTypes && [...eventTypes],
    startFrom,
    batchSize,
    retry: checkRetryOptions(METHOD, retry),
    onError,
  }
}
