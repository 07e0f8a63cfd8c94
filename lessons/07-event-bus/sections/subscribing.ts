/**
 * Three ways to subscribe: to an event class (typed), to a type name, and
 * to every event. Then the order of delivery: an event's handlers run side
 * by side, and the next event waits until they are all done.
 */
import { InMemoryEventBus } from 'eventsource-ts'
import {
  TaskAggregate,
  TaskCompleted,
  TaskReopened,
} from '../../03-first-aggregate/tasks.ts'

export default async function subscribing(): Promise<void> {
  const bus = new InMemoryEventBus()

  // #region by-class
  // By class: the handler's event is a TaskCompleted, its fields typed.
  bus.subscribe(TaskCompleted, (event) => {
    console.log(`  by class: completed by ${event.completedBy}`)
  })
  // #endregion by-class

  // #region by-name
  // By name: any DomainEvent of that type; narrow it to read its payload.
  bus.subscribe('TaskReopened', (event) => {
    if (event instanceof TaskReopened)
      console.log(`  by name: reopened by ${event.reopenedBy}`)
  })
  // #endregion by-name

  // #region every-event
  // Every event, of every type: only the base fields are sure to be there.
  bus.subscribeAll((event) => {
    const { aggregateId, aggregateVersion, eventType } = event
    console.log(
      `  every event: ${aggregateId} v${aggregateVersion} ${eventType}`,
    )
  })
  // #endregion every-event

  // #region publish-all
  const task = new TaskAggregate('task-1')
  task.create('Write the lesson')
  task.complete('alice')
  task.reopen('bob')
  console.log('publish() of create, complete and reopen:')
  await bus.publish(task.uncommittedEvents)
  // #endregion publish-all

  // #region one-at-a-time
  // Two handlers of every event: slow takes 20 ms, fast no time at all.
  const timed = new InMemoryEventBus()
  timed.subscribeAll(async function slow(event) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    console.log(`  slow: v${event.aggregateVersion} ${event.eventType}`)
  })
  timed.subscribeAll(function fast(event) {
    console.log(`  fast: v${event.aggregateVersion} ${event.eventType}`)
  })
  console.log('publish() of create and complete, to slow and fast:')
  await timed.publish(task.uncommittedEvents.slice(0, 2))
  console.log('publish() resolved once both were done with both events.')
  // #endregion one-at-a-time
}
