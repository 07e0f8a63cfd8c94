/** The lesson's repository of tasks: lesson 3's TaskAggregate, in a store. */
import {
  AggregateRepository,
  type EventPublisher,
  type EventStore,
} from 'eventsource-ts'
import { TaskAggregate } from '../03-first-aggregate/tasks.ts'

// #region repository
/** A repository that loads and saves lesson 3's tasks in `eventStore`. */
export function taskRepository(
  eventStore: EventStore,
  eventPublisher?: EventPublisher,
): AggregateRepository<TaskAggregate> {
  return new AggregateRepository({
    eventStore, // where the events are kept
    aggregateFactory: TaskAggregate, // what to rebuild them into
    aggregateType: 'Task', // the type of the streams
    eventPublisher, // who hears of the events it saves, if anyone
  })
}
// #endregion repository
