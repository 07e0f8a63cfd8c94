/**
 * The log the lesson reads: two tenants' tasks and an order, interleaved as
 * they happened.
 */
import type { DomainEvent, EventStore } from 'eventsource-ts'
import {
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
  TaskReopened,
} from '../03-first-aggregate/tasks.ts'
import { OrderPlaced } from '../02-first-event/orders.ts'
import { MUGS_AND_TEA } from '../02-first-event/sample-order.ts'

// #region log
/** Eight events of three streams, in the order they happened. */
export function sampleLog(): DomainEvent[] {
  const acme = { aggregateId: 'task-1', tenantId: 'acme' }
  const globex = { aggregateId: 'task-2', tenantId: 'globex' }
  return [
    new TaskCreated({ ...acme, title: 'Plan the release', description: '' }),
    new TaskAssigned({ ...acme, aggregateVersion: 2, assignee: 'alice' }),
    new TaskCreated({ ...globex, title: 'Order mugs', description: '' }),
    // An order (lesson 2's) in the same store: another aggregate type.
    new OrderPlaced({
      aggregateId: 'order-1',
      tenantId: 'globex',
      ...MUGS_AND_TEA,
    }),
    new TaskCompleted({ ...acme, aggregateVersion: 3, completedBy: 'alice' }),
    new TaskAssigned({ ...globex, aggregateVersion: 2, assignee: 'bob' }),
    new TaskCompleted({ ...globex, aggregateVersion: 3, completedBy: 'bob' }),
    new TaskReopened({ ...acme, aggregateVersion: 4, reopenedBy: 'carol' }),
  ]
}
// #endregion log

/**
 * Appends `events` one at a time, in order, each expecting its stream at
 * the version before its own.
 */
export async function appendInOrder(
  store: EventStore,
  events: readonly DomainEvent[],
): Promise<void> {
  for (const event of events)
    await store.appendEvents({
      aggregateId: event.aggregateId,
      aggregateType: event.aggregateType,
      events: [event],
      expectedVersion: event.aggregateVersion - 1,
    })
}
