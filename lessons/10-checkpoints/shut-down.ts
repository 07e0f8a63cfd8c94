/** How the lesson stops a run halfway: after a number of events. */
import type { EventSubscriber } from 'eventsource-ts'

// #region shut-down
/**
 * `subscriber`, in an app that is shut down once it has handled `count`
 * events: it then calls `shutDown`, as a deploy or a Ctrl-C would. It does
 * not wait for it, since stop() waits for the event in hand: this one.
 */
export function shutDownAfter(
  count: number,
  subscriber: EventSubscriber,
  shutDown: () => Promise<void>,
): EventSubscriber {
  let handled = 0
  return {
    name: subscriber.name,
    eventTypes: subscriber.eventTypes,
    async handle(stored) {
      await subscriber.handle(stored)
      if (++handled === count) void shutDown()
    },
  }
}
// #endregion shut-down
