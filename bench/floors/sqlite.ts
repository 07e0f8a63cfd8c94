import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import { CREATE_SCHEMA } from '../../src/stores/sqlite/schema.ts'
import { notePayload, type Subject } from '../lib/subject.ts'

export interface SqliteSettings {
  walMode: boolean
  synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA'
}

/**
 * The raw-driver floor for SQLite: hand-written SQL through better-sqlite3 on the store's own schema, with
 * the same pragmas and the same transaction shape (BEGIN IMMEDIATE, read the stream's version, insert,
 * commit). It builds the same rows (ids, times, JSON) but skips everything else a store does.
 */
export function sqliteFloor(
  path: string,
  { walMode, synchronous }: SqliteSettings,
  cleanUp: () => void = () => undefined,
): Subject {
  const db = new Database(path, { timeout: 5000 })
  if (walMode) db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.exec(CREATE_SCHEMA)

  const streamVersion = db
    .prepare(
      'SELECT MAX(aggregate_version) FROM events WHERE aggregate_id = ? AND aggregate_type = ?',
    )
    .pluck()
  const insert = db.prepare(
    `INSERT INTO events (event_id, event_type, event_version, aggregate_id, aggregate_type, aggregate_version, tenant_id, actor_id,
                         correlation_id, causation_id, occurred_at, stored_at, payload, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const selectStream = db.prepare(
    'SELECT * FROM events WHERE aggregate_id = ? AND aggregate_type = ? ORDER BY aggregate_version',
  )
  const selectPage = db.prepare(
    'SELECT * FROM events WHERE global_position > ? ORDER BY global_position LIMIT 1000',
  )

  const append = db.transaction(
    (streamId: string, count: number, afterVersion: number) => {
      if (
        ((streamVersion.get(streamId, 'Note') as number | null) ?? 0) !==
        afterVersion
      )
        throw new Error(`stream ${streamId} is not at version ${afterVersion}`)
      const now = new Date().toISOString()
      for (
        let version = afterVersion + 1;
        version <= afterVersion + count;
        version++
      ) {
        const { eventType, payload } = notePayload(version)
        insert.run(
          randomUUID(),
          eventType,
          1,
          streamId,
          'Note',
          version,
          null,
          null,
          randomUUID(),
          null,
          now,
          now,
          JSON.stringify(payload),
          '{}',
        )
      }
    },
  ).immediate

  const parse = (rows: unknown[]) => {
    for (const row of rows as { payload: unknown; metadata: unknown }[]) {
      row.payload = JSON.parse(row.payload as string)
      row.metadata = JSON.parse(row.metadata as string)
    }
    return rows
  }

  return {
    async appendStream(streamId, count, afterVersion = 0) {
      append(streamId, count, afterVersion)
    },
    async readStream(streamId) {
      return parse(selectStream.all(streamId, 'Note')).length
    },
    async readAll() {
      let count = 0
      for (let after = 0; ;) {
        const page = parse(selectPage.all(after)) as {
          global_position: number
        }[]
        count += page.length
        if (page.length < 1000) return count
        after = page[page.length - 1]!.global_position
      }
    },
    async close() {
      db.close()
      cleanUp()
    },
  }
}
