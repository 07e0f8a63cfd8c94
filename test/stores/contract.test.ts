import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll } from 'vitest'
import {
  InMemoryEventStore,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'
import {
  describeEventStoreContract,
  type RowCorruption,
} from 'eventsource-ts/testing'

const dir = mkdtempSync(join(tmpdir(), 'es-contract-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes to a SQLite file behind the store's back, through a second connection. */
function corruptSqliteFile(
  store: EventStore,
  position: number,
  change: RowCorruption,
): void {
  const db = new Database((store as SQLiteEventStore).database)
  if (change.eventType)
    db.prepare(
      'UPDATE events SET event_type = ? WHERE global_position = ?',
    ).run(change.eventType, position)
  if (change.payload)
    db.prepare('UPDATE events SET payload = ? WHERE global_position = ?').run(
      change.payload,
      position,
    )
  db.close()
}

describeEventStoreContract({
  name: 'InMemoryEventStore',
  create: (eventRegistry) => new InMemoryEventStore({ eventRegistry }),
})

describeEventStoreContract({
  name: 'SQLiteEventStore :memory:',
  create: (eventRegistry) =>
    new SQLiteEventStore(':memory:', { eventRegistry }),
})

let fileCount = 0
let lastFile = ''
describeEventStoreContract({
  name: 'SQLiteEventStore file (WAL)',
  create: (eventRegistry) =>
    new SQLiteEventStore((lastFile = join(dir, `contract-${++fileCount}.db`)), {
      eventRegistry,
      walMode: true,
    }),
  reopen: (eventRegistry) =>
    new SQLiteEventStore({ database: lastFile, eventRegistry }),
  corrupt: corruptSqliteFile,
})
