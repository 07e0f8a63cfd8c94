/** A task's stream as one line, for the checks' messages. */
import type { EventStore } from 'eventsource-ts'

/** The task's stream as "v1 TaskCreated, v2 TaskAssigned", or "no event". */
export async function historyOf(
  store: EventStore,
  taskId: string,
): Promise<string> {
  const { events } = await store.getEvents(taskId, 'Task')
  const listed = events.map((e) => `v${e.aggregateVersion} ${e.eventType}`)
  return listed.join(', ') || 'no event'
}
