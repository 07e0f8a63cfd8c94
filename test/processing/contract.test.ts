import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll } from 'vitest'
import {
  InMemoryCheckpointRepository,
  InMemoryDeadLetterStore,
  InMemoryEventStore,
  InMemorySnapshotStore,
  SQLiteCheckpointRepository,
  SQLiteDeadLetterStore,
  SQLiteEventStore,
  SQLiteSnapshotStore,
  type EventStore,
} from 'eventsource-ts'
import { describeEventProcessingContract } from 'eventsource-ts/testing'

const dir = mkdtempSync(join(tmpdir(), 'es-processing-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// In-memory stores of one kind stand for one database: each store gets its own, made with it.
const inMemory = new WeakMap<
  EventStore,
  {
    checkpoints: InMemoryCheckpointRepository
    snapshots: InMemorySnapshotStore
    deadLetters: InMemoryDeadLetterStore
  }
>()
const memoryOf = (store: EventStore) => {
  let parts = inMemory.get(store)
  if (!parts)
    inMemory.set(
      store,
      (parts = {
        checkpoints: new InMemoryCheckpointRepository(),
        snapshots: new InMemorySnapshotStore(),
        deadLetters: new InMemoryDeadLetterStore(),
      }),
    )
  return parts
}

describeEventProcessingContract({
  name: 'in memory',
  create: (eventRegistry) => new InMemoryEventStore({ eventRegistry }),
  checkpoints: (store) => memoryOf(store).checkpoints,
  snapshots: (store) => memoryOf(store).snapshots,
  deadLetters: (store) => memoryOf(store).deadLetters,
})

const sqlite = {
  checkpoints: (store: EventStore) =>
    new SQLiteCheckpointRepository(store as SQLiteEventStore),
  snapshots: (store: EventStore) =>
    new SQLiteSnapshotStore(store as SQLiteEventStore),
  deadLetters: (store: EventStore) =>
    new SQLiteDeadLetterStore(store as SQLiteEventStore),
}

describeEventProcessingContract({
  name: 'SQLite :memory:',
  create: (eventRegistry) =>
    new SQLiteEventStore(':memory:', { eventRegistry }),
  ...sqlite,
})

let files = 0
describeEventProcessingContract({
  name: 'SQLite file (WAL)',
  create: (eventRegistry) =>
    new SQLiteEventStore(join(dir, `processing-${++files}.db`), {
      eventRegistry,
    }),
  ...sqlite,
  connect: (eventRegistry, store) =>
    new SQLiteEventStore((store as SQLiteEventStore).database, {
      eventRegistry,
    }),
  wakesOnOtherWriters: true,
  damageSnapshot: (store, aggregateId, aggregateType) => {
    const db = new Database((store as SQLiteEventStore).database)
    db.prepare(
      `UPDATE aggregate_snapshots SET state = '{"owner": ' WHERE aggregate_id = ? AND aggregate_type = ?`,
    ).run(aggregateId, aggregateType)
    db.close()
  },
})
