/** The lesson's wiring: a store, a bus, a repository that publishes to it. */
import {
  AggregateRepository,
  InMemoryEventBus,
  InMemoryEventStore,
} from 'eventsource-ts'
import { TaskAggregate } from '../03-first-aggregate/tasks.ts'

/** A new store and bus, and a repository of tasks wired to both. */
export async function wireTasks() {
  // #region wire
  const store = new InMemoryEventStore()
  await store.initialize()
  const bus = new InMemoryEventBus()
  const tasks = new AggregateRepository({
    eventStore: store,
    aggregateFactory: TaskAggregate,
    aggregateType: 'Task',
    eventPublisher: bus, // after each commit, save() publishes its events
  })
  // #endregion wire
  return { store, bus, tasks }
}
