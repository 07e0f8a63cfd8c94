/** How the lesson feeds a projection: from the log, in order. */
import type { EventStore, EventSubscriber } from 'eventsource-ts'

// #region feed
/**
 * Hands `projection` every stored event after global position `after` (0:
 * from the beginning), oldest first, and returns the position it reached.
 * Only the types it asks for are read, when it says (`eventTypes`).
 */
export async function feed(
  projection: EventSubscriber,
  store: EventStore,
  after = 0,
): Promise<number> {
  let position = after
  const { eventTypes } = projection
  for await (const stored of store.readAll({
    fromPosition: after,
    eventTypes,
  })) {
    await projection.handle(stored)
    position = stored.globalPosition
  }
  return position
}
// #endregion feed
