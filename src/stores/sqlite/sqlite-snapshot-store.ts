import {
  decodeSnapshot,
  encodeSnapshot,
  requireStream,
  type SnapshotRecord,
} from '../../snapshots/snapshot-record.ts'
import type { Snapshot, SnapshotStore } from '../../snapshots/snapshot-store.ts'
import { requireStoreOf } from '../arguments.ts'
import { inProcessingTables } from './processing-tables.ts'
import { SQLiteEventStore } from './sqlite-event-store.ts'

const STREAM = 'aggregate_id = ? AND aggregate_type = ?'

/** Snapshots in the SQLite store's own database (table `aggregate_snapshots`), one a stream. */
export class SQLiteSnapshotStore implements SnapshotStore {
  readonly store: SQLiteEventStore

  constructor(store: SQLiteEventStore) {
    requireStoreOf('SQLiteSnapshotStore', store, SQLiteEventStore)
    this.store = store
  }

  async get(
    aggregateId: string,
    aggregateType: string,
  ): Promise<Snapshot | undefined> {
    requireStream('SQLiteSnapshotStore.get', aggregateId, aggregateType)
    const row = inProcessingTables(this.store, (sql) =>
      sql(
        `SELECT aggregate_id AS aggregateId, aggregate_type AS aggregateType, version, schema_version AS schemaVersion,
                state, created_at AS createdAt FROM aggregate_snapshots WHERE ${STREAM}`,
      ).get(aggregateId, aggregateType),
    )
    return row && decodeSnapshot(row as unknown as SnapshotRecord)
  }

  async save(snapshot: Snapshot): Promise<void> {
    const r = encodeSnapshot('SQLiteSnapshotStore.save', snapshot)
    inProcessingTables(this.store, (sql) =>
      sql(
        `INSERT OR REPLACE INTO aggregate_snapshots (aggregate_id, aggregate_type, version, schema_version, state, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        r.aggregateId,
        r.aggregateType,
        r.version,
        r.schemaVersion,
        r.state,
        r.createdAt,
      ),
    )
  }

  async delete(aggregateId: string, aggregateType: string): Promise<void> {
    requireStream('SQLiteSnapshotStore.delete', aggregateId, aggregateType)
    inProcessingTables(this.store, (sql) =>
      sql(`DELETE FROM aggregate_snapshots WHERE ${STREAM}`).run(
        aggregateId,
        aggregateType,
      ),
    )
  }
}
