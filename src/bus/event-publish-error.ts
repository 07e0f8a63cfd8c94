import { EventSourceError } from '../errors.ts'
import type { DomainEvent } from '../events/domain-event.ts'

/** One handler that failed while events were published. */
export interface PublishFailure {
  /** The event it failed on; undefined when a publisher failed as a whole. */
  readonly event: DomainEvent | undefined
  /** The handler's function name, or `'anonymous'`. */
  readonly handler: string
  readonly error: unknown
}

/** The stream a repository saved before publishing failed. */
export interface SavedStream {
  readonly aggregateId: string
  readonly aggregateType: string
  /** The stream's version after the save. */
  readonly version: number
}

/**
 * Handlers failed while events were published. Every other handler ran: one failure never stops the
 * rest. Thrown by `AggregateRepository.save` with `saved` set, the events are stored all the same.
 */
export class EventPublishError extends EventSourceError {
  static override readonly code: string = 'EVENT_PUBLISH'

  constructor(
    readonly failures: readonly PublishFailure[],
    readonly saved?: SavedStream,
    options?: { cause?: unknown },
  ) {
    const list = failures.map(describeFailure).join('; ')
    const failed = `${failures.length} event handler${failures.length === 1 ? '' : 's'} failed: ${list}.`
    super(
      saved
        ? `${saved.aggregateType} ${saved.aggregateId} was saved (version ${saved.version}), but publishing its events failed: ${failed} ` +
            'The events are stored and the aggregate is up to date: do not save it again. The failed handlers missed these events; ' +
            'a subscription reading the store (SubscriptionManager) does not miss them.'
        : `${failed} Every other handler ran. Fix the failing handlers; publishing the same events again runs every handler again.`,
      options,
    )
  }
}

function describeFailure({ event, handler, error }: PublishFailure): string {
  const on = event
    ? ` on ${event.eventType} ${event.aggregateId} v${event.aggregateVersion}`
    : ''
  const message = error instanceof Error ? error.message : String(error)
  return `${handler}${on}: ${message}`
}
