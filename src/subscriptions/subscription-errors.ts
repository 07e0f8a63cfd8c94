import { EventSourceError, type EventSourceErrorOptions } from '../errors.ts'

/** A subscription that cannot go on, or has stopped: what `start()` and `waitForPosition()` reject with. */
export class SubscriptionError extends EventSourceError {
  static override readonly code: string = 'SUBSCRIPTION'
  constructor(
    readonly subscription: string,
    message: string,
    options?: EventSourceErrorOptions,
  ) {
    super(message, options)
  }
}

/** What became of a subscription after an event it could not process. */
export type FailureOutcome = 'stopped' | 'dead-lettered'

/**
 * A subscription could not process one event: its handler threw on every attempt, or the stored event could
 * not be read. `cause` is the last error.
 */
export class EventProcessingError extends SubscriptionError {
  static override readonly code: string = 'EVENT_PROCESSING'
  constructor(
    subscription: string,
    readonly globalPosition: number,
    readonly eventType: string | undefined,
    readonly attempts: number,
    readonly outcome: FailureOutcome,
    override readonly cause: unknown,
  ) {
    const what = eventType ? `${eventType} at` : 'the event at'
    // The cause's own sentence, without its final period: the message goes on after it.
    const why = (
      cause instanceof Error ? cause.message : String(cause)
    ).replace(/\.+$/, '')
    super(
      subscription,
      `Subscription "${subscription}" could not process ${what} global position ${globalPosition} ` +
        `(${attempts} attempt${attempts === 1 ? '' : 's'}): ${why}. ` +
        (outcome === 'stopped'
          ? `It stopped, its checkpoint before that event: fix the handler (or the event's type), then start it again to resume there; ` +
            `or subscribe it with onError: 'dead-letter' to set such events aside and go on.`
          : `The event was recorded as a dead letter and the subscription went on: fix the handler, ` +
            `then replay it with replayDeadLetters("${subscription}").`),
      { cause },
    )
  }
}
