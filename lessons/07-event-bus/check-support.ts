/** For the checkers: a task repository on a new store, publishing to a bus. */
import {
  AggregateRepository,
  InMemoryEventBus,
  InMemoryEventStore,
} from 'eventsource-ts'
import { TaskAggregate } from '../03-first-aggregate/tasks.ts'

/** A new store and bus, and a repository of tasks that publishes to it. */
export async function wiredTasks() {
  const store = new InMemoryEventStore()
  await store.initialize()
  const bus = new InMemoryEventBus()
  const tasks = new AggregateRepository({
    eventStore: store,
    aggregateFactory: TaskAggregate,
    eventPublisher: bus,
  })
  return { store, bus, tasks }
}
