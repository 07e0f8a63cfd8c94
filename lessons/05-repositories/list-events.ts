/** How the lesson and its checks name a run of events in one line. */
import type { DomainEvent } from 'eventsource-ts'

/** Events as "v1 TaskCreated, v2 TaskAssigned", or "no event". */
export function listEvents(events: readonly DomainEvent[]): string {
  return (
    events.map((e) => `v${e.aggregateVersion} ${e.eventType}`).join(', ') ||
    'no event'
  )
}
