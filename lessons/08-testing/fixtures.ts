/**
 * The lesson's store fixtures: `test.extend` is vitest's take on pytest
 * fixtures. Each test that names `eventStore` or `tasks` gets a new store,
 * closed after it; `backend` says which kind, and a describe block can
 * change it with `test.override({ backend })`.
 */
import { test as base } from 'vitest'
import {
  InMemoryEventStore,
  SQLiteEventStore,
  type AggregateRepository,
  type EventStore,
} from 'eventsource-ts'
import type { TaskAggregate } from '../03-first-aggregate/tasks.ts'
import { taskRepository } from '../05-repositories/task-repository.ts'

// #region fixtures
export type Backend = 'in-memory' | 'sqlite'

export interface StoreFixtures {
  /** Which store the test gets: in memory unless a block overrides it. */
  backend: Backend
  /** A new, empty store, initialized for the test and closed after it. */
  eventStore: EventStore
  /** A repository of tasks on that store. */
  tasks: AggregateRepository<TaskAggregate>
}

export const test = base.extend<StoreFixtures>({
  backend: 'in-memory',

  eventStore: async ({ backend }, use) => {
    await using store =
      backend === 'sqlite'
        ? new SQLiteEventStore(':memory:') // a real database, in memory
        : new InMemoryEventStore()
    await store.initialize()
    await use(store) // the test runs here; `await using` closes the store
  },

  tasks: async ({ eventStore }, use) => {
    await use(taskRepository(eventStore))
  },
})
// #endregion fixtures
