import { join } from 'node:path'
import { InMemoryEventStore, SQLiteEventStore, type EventRegistry, type EventStore } from 'eventsource-ts'

/** A store to run against, over fresh, empty storage each time `create` is called. */
export interface StoreTarget {
  name: string
  create(eventRegistry: EventRegistry): EventStore
}

/** Every backend, with SQLite both in memory and in a WAL file under `dir`. */
export function storeTargets(dir: string): StoreTarget[] {
  let files = 0
  return [
    { name: 'InMemoryEventStore', create: (eventRegistry) => new InMemoryEventStore({ eventRegistry }) },
    { name: 'SQLiteEventStore :memory:', create: (eventRegistry) => new SQLiteEventStore(':memory:', { eventRegistry }) },
    { name: 'SQLiteEventStore file', create: (eventRegistry) => new SQLiteEventStore(join(dir, `store-${++files}.db`), { eventRegistry }) },
  ]
}
