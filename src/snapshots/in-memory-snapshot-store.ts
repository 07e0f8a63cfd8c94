import { StreamMap } from '../stores/stream-map.ts'
import {
  decodeSnapshot,
  encodeSnapshot,
  requireStream,
  type SnapshotRecord,
} from './snapshot-record.ts'
import type { Snapshot, SnapshotStore } from './snapshot-store.ts'

/** Snapshots held in memory, encoded as the database stores encode them, so a read never shares objects. */
export class InMemorySnapshotStore implements SnapshotStore {
  readonly #snapshots = new StreamMap<SnapshotRecord>()

  async get(
    aggregateId: string,
    aggregateType: string,
  ): Promise<Snapshot | undefined> {
    requireStream('InMemorySnapshotStore.get', aggregateId, aggregateType)
    const record = this.#snapshots.get(aggregateId, aggregateType)
    return record && decodeSnapshot(record)
  }

  async save(snapshot: Snapshot): Promise<void> {
    const record = encodeSnapshot('InMemorySnapshotStore.save', snapshot)
    this.#snapshots.set(record.aggregateId, record.aggregateType, record)
  }

  async delete(aggregateId: string, aggregateType: string): Promise<void> {
    requireStream('InMemorySnapshotStore.delete', aggregateId, aggregateType)
    this.#snapshots.delete(aggregateId, aggregateType)
  }
}
