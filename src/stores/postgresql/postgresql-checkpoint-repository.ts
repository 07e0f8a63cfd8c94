import type { CheckpointRepository } from '../../checkpoints/checkpoint-repository.ts'
import { requireInteger, requireStoreOf, requireText } from '../arguments.ts'
import { PostgreSQLEventStore } from './postgresql-event-store.ts'
import { queryProcessingTables } from './processing-tables.ts'

/** Checkpoints in the PostgreSQL store's own database (table `subscription_checkpoints`). */
export class PostgreSQLCheckpointRepository implements CheckpointRepository {
  readonly store: PostgreSQLEventStore

  constructor(store: PostgreSQLEventStore) {
    requireStoreOf(
      'PostgreSQLCheckpointRepository',
      store,
      PostgreSQLEventStore,
    )
    this.store = store
  }

  async getPosition(subscription: string): Promise<number> {
    requireText(
      'PostgreSQLCheckpointRepository.getPosition',
      'subscription',
      subscription,
    )
    const [row] = await queryProcessingTables<{ position: number }>(
      this.store,
      'SELECT position FROM subscription_checkpoints WHERE subscription = $1',
      [subscription],
    )
    return row?.position ?? 0
  }

  async savePosition(subscription: string, position: number): Promise<void> {
    requireText(
      'PostgreSQLCheckpointRepository.savePosition',
      'subscription',
      subscription,
    )
    requireInteger(
      'PostgreSQLCheckpointRepository.savePosition',
      'position',
      position,
      0,
    )
    await queryProcessingTables(
      this.store,
      `INSERT INTO subscription_checkpoints (subscription, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (subscription) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      [subscription, position],
    )
  }

  async resetPosition(subscription: string): Promise<void> {
    requireText(
      'PostgreSQLCheckpointRepository.resetPosition',
      'subscription',
      subscription,
    )
    await queryProcessingTables(
      this.store,
      'DELETE FROM subscription_checkpoints WHERE subscription = $1',
      [subscription],
    )
  }
}
