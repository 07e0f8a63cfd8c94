import { streamKey } from '../stores/stream-key.ts'
import {
  decodeSnapshot,
  encodeSnapshot,
  requireStream,
  type SnapshotRecord,
} from './snapshot-record.ts'
import type { Snapshot, SnapshotStore } from './snapshot-store.ts'

/** Snapshots held in memory, encoded as the database stores encode them, so a read never shares objects. */
export class InMemorySnapshotStore implements SnapshotStore {
  readonly #snapshots = new Map<string, SnapshotRecord>()

  async get(
    aggregateId: string,
    aggregateType: string,
  ): Promise<Snapshot | undefined> {
    const record = this.#snapshots.get(key('get', aggregateId, aggregateType))
    return record && decodeSnapshot(record)
  }

  async save(snapshot: Snapshot): Promise<void> {
    const record = encodeSnapshot('InMemorySnapshotStore.save', snapshot)
    this.#snapshots.set(
      key('save', record.aggregateId, record.aggregateType),
      record,
    )
  }

  async delete(aggregateId: string, aggregateType: string): Promise<void> {
    this.#snapshots.delete(key('delete', aggregateId, aggregateType))
  }
}

function key(method: string, aggregateId: string, aggregateType: string) {
  requireStream(`InMemorySnapshotStore.${method}`, aggregateId, aggregateType)
  return streamKey(aggregateId, aggregateType)
}
