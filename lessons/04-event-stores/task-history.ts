/** How the lessons and their checks name a run of events in one line. */
import type { DomainEvent, EventStore } from 'eventsource-ts'

/** Events as "v1 TaskCreated, v2 TaskAssigned", or "no event". */
export function listEvents(events: readonly DomainEvent[]): string {
  return (
    events.map((e) => `v${e.aggregateVersion} ${e.eventType}`).join(', ') ||
    'no event'
  )
}

/** The task's stream in `store`, as `listEvents` names it. */
export async function historyOf(
  store: EventStore,
  taskId: string,
): Promise<string> {
  const { events } = await store.getEvents(taskId, 'Task')
  return listEvents(events)
}
