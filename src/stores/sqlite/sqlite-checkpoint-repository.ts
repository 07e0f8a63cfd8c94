import type { CheckpointRepository } from '../../checkpoints/checkpoint-repository.ts'
import { requireInteger, requireStoreOf, requireText } from '../arguments.ts'
import { inProcessingTables } from './processing-tables.ts'
import { SQLiteEventStore } from './sqlite-event-store.ts'

/** Checkpoints in the SQLite store's own database (table `subscription_checkpoints`). */
export class SQLiteCheckpointRepository implements CheckpointRepository {
  readonly store: SQLiteEventStore

  constructor(store: SQLiteEventStore) {
    requireStoreOf('SQLiteCheckpointRepository', store, SQLiteEventStore)
    this.store = store
  }

  async getPosition(subscription: string): Promise<number> {
    requireText(
      'SQLiteCheckpointRepository.getPosition',
      'subscription',
      subscription,
    )
    const row = inProcessingTables(this.store, (sql) =>
      sql(
        'SELECT position FROM subscription_checkpoints WHERE subscription = ?',
      ).get(subscription),
    )
    return Number(row?.position ?? 0)
  }

  async savePosition(subscription: string, position: number): Promise<void> {
    requireText(
      'SQLiteCheckpointRepository.savePosition',
      'subscription',
      subscription,
    )
    requireInteger(
      'SQLiteCheckpointRepository.savePosition',
      'position',
      position,
      0,
    )
    inProcessingTables(this.store, (sql) =>
      sql(
        `INSERT INTO subscription_checkpoints (subscription, position, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (subscription) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      ).run(subscription, position, new Date().toISOString()),
    )
  }

  async resetPosition(subscription: string): Promise<void> {
    requireText(
      'SQLiteCheckpointRepository.resetPosition',
      'subscription',
      subscription,
    )
    inProcessingTables(this.store, (sql) =>
      sql('DELETE FROM subscription_checkpoints WHERE subscription = ?').run(
        subscription,
      ),
    )
  }
}
