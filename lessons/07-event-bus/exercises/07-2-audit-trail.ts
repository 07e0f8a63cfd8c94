/**
 * Exercise 07-2: an audit trail of every event.
 *
 * An audit trail records everything that happens: events of every type and
 * every aggregate, those the application has today and those it will have
 * next year. It reads no payload, only the fields every event has. Write:
 *   - start(bus): subscribe to every event the bus publishes, and record
 *     each in `lines`, in the order heard, as
 *       "<aggregateType> <aggregateId> v<aggregateVersion> <eventType>",
 *     such as "Task task-1 v2 TaskAssigned";
 *   - stop(): end that subscription; the lines recorded stay. A trail that
 *     was never started stops without an error.
 *
 * Check your work with `npm run verify 07-2`. Stuck? `npm run hint 07-2`.
 */
import type { InMemoryEventBus, Unsubscribe } from 'eventsource-ts'
import { todo } from '../../todo.ts'

export class AuditTrail {
  /** A line for each event heard, oldest first. */
  readonly lines: string[] = []
  #unsubscribe: Unsubscribe | undefined

  start(bus: InMemoryEventBus): void {
    // TODO 1: subscribe to every event, whatever its type, and keep the
    //         Unsubscribe that subscribing returns in #unsubscribe.
    // TODO 2: the handler pushes one line an event onto this.lines, from
    //         its base fields: aggregateType, aggregateId,
    //         aggregateVersion and eventType.
    todo('start()')
  }

  stop(): void {
    // TODO 3: end the subscription, if there is one. Keep the lines.
    todo('stop()')
  }
}
