import type { JsonValue } from '../events/json.ts'

/** An aggregate's state after `version` events, so a load need not replay them. */
export interface Snapshot {
  readonly aggregateId: string
  readonly aggregateType: string
  /** How many events of the stream the state includes. */
  readonly version: number
  /** The aggregate class's `schemaVersion` when the snapshot was taken; another one is ignored on load. */
  readonly schemaVersion: number
  /** The state, as JSON. */
  readonly state: JsonValue
  readonly createdAt: Date
}

/**
 * Keeps one snapshot a stream: the latest saved replaces the one before. A snapshot is a cache of what the
 * events say, so deleting one (or all) loses nothing.
 */
export interface SnapshotStore {
  /** The stream's snapshot, or undefined. Throws `SnapshotError` for a stored snapshot that is damaged. */
  get(aggregateId: string, aggregateType: string): Promise<Snapshot | undefined>
  save(snapshot: Snapshot): Promise<void>
  /** Removes the stream's snapshot, if it has one. */
  delete(aggregateId: string, aggregateType: string): Promise<void>
}
