/**
 * Correlation and causation, as the Python original's with_causation() sets
 * them: an event caused by another joins its workflow and names its cause.
 */
import type { DomainEvent } from 'eventsource-ts'

// #region caused-by
/** The base fields of an event that `cause` led to. */
export function causedBy(cause: DomainEvent): {
  correlationId: string
  causationId: string
} {
  return {
    correlationId: cause.correlationId, // the same workflow
    causationId: cause.eventId, // this very event caused it
  }
}
// #endregion caused-by
