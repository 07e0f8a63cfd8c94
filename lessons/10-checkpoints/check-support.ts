/**
 * For the checkers: the shop's log in memory, and quiet runs of the read
 * side that report a failing handler's own error. It imports nothing of
 * Node's, so the checks that use it run in a browser too.
 */
import {
  EventProcessingError,
  InMemoryEventStore,
  type CheckpointRepository,
  type EventSubscriber,
  type SubscriptionStatus,
} from 'eventsource-ts'
import { OrderShipped } from '../02-first-event/orders.ts'
import { runReadSide, type RunOptions } from './read-side.ts'
import { placeOrders } from './shop.ts'

/**
 * runReadSide, printing nothing. When a handler fails, it throws the
 * handler's own error, so a check reports a TODO as the TODO it is.
 */
export async function run(
  store: InMemoryEventStore,
  checkpoints: CheckpointRepository,
  projection: EventSubscriber,
  options: Omit<RunOptions, 'print'> = {},
): Promise<SubscriptionStatus> {
  try {
    return await runReadSide(store, checkpoints, projection, {
      ...options,
      print: () => {},
    })
  } catch (error) {
    throw error instanceof EventProcessingError ? error.cause : error
  }
}

/**
 * A new in-memory store holding orders 1 to `count`, each even one shipped
 * right after it is placed: a log with other events between the orders.
 */
export async function shopWithShipments(
  count: number,
): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore()
  await store.initialize()
  for (let n = 1; n <= count; n++) {
    await placeOrders(store, 1, n)
    if (n % 2 === 0)
      await store.appendEvents({
        aggregateId: `order-${n}`,
        aggregateType: 'Order',
        events: [
          new OrderShipped({
            aggregateId: `order-${n}`,
            aggregateVersion: 2,
            carrier: 'DHL',
            trackingNumber: `TRACK-${n}`,
          }),
        ],
        expectedVersion: 1,
      })
  }
  return store
}
