/** Gathers what an async iterable, such as readAll(), yields. */
import type { StoredEvent } from 'eventsource-ts'

/** Everything `events` yields, in order, in one array. */
export async function collect(
  events: AsyncIterable<StoredEvent>,
): Promise<StoredEvent[]> {
  const collected: StoredEvent[] = []
  for await (const stored of events) collected.push(stored)
  return collected
}
