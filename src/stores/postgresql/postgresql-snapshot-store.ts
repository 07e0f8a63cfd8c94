import {
  decodeSnapshot,
  encodeSnapshot,
  requireStream,
  type SnapshotRecord,
} from '../../snapshots/snapshot-record.ts'
import type { Snapshot, SnapshotStore } from '../../snapshots/snapshot-store.ts'
import { requireStoreOf } from '../arguments.ts'
import { PostgreSQLEventStore } from './postgresql-event-store.ts'
import { queryProcessingTables } from './processing-tables.ts'
import { isoTime } from './schema.ts'

/** Snapshots in the PostgreSQL store's own database (table `aggregate_snapshots`, state as JSONB), one a stream. */
export class PostgreSQLSnapshotStore implements SnapshotStore {
  readonly store: PostgreSQLEventStore

  constructor(store: PostgreSQLEventStore) {
    requireStoreOf('PostgreSQLSnapshotStore', store, PostgreSQLEventStore)
    this.store = store
  }

  async get(
    aggregateId: string,
    aggregateType: string,
  ): Promise<Snapshot | undefined> {
    requireStream('PostgreSQLSnapshotStore.get', aggregateId, aggregateType)
    const [row] = await queryProcessingTables<SnapshotRecord>(
      this.store,
      `SELECT aggregate_id AS "aggregateId", aggregate_type AS "aggregateType", version,
              schema_version AS "schemaVersion", state::text AS state, ${isoTime('created_at')} AS "createdAt"
         FROM aggregate_snapshots WHERE aggregate_id = $1 AND aggregate_type = $2`,
      [aggregateId, aggregateType],
    )
    return row && decodeSnapshot(row)
  }

  async save(snapshot: Snapshot): Promise<void> {
    const r = encodeSnapshot('PostgreSQLSnapshotStore.save', snapshot)
    await queryProcessingTables(
      this.store,
      `INSERT INTO aggregate_snapshots (aggregate_id, aggregate_type, version, schema_version, state, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (aggregate_id, aggregate_type) DO UPDATE SET version = excluded.version,
         schema_version = excluded.schema_version, state = excluded.state, created_at = excluded.created_at`,
      [
        r.aggregateId,
        r.aggregateType,
        r.version,
        r.schemaVersion,
        r.state,
        r.createdAt,
      ],
    )
  }

  async delete(aggregateId: string, aggregateType: string): Promise<void> {
    requireStream('PostgreSQLSnapshotStore.delete', aggregateId, aggregateType)
    await queryProcessingTables(
      this.store,
      'DELETE FROM aggregate_snapshots WHERE aggregate_id = $1 AND aggregate_type = $2',
      [aggregateId, aggregateType],
    )
  }
}
