import {
  decodeDeadLetter,
  encodeDeadLetter,
  listOptions,
  type DeadLetterRow,
} from '../../dead-letters/dead-letter-record.ts'
import type {
  DeadLetter,
  DeadLetterInput,
  DeadLetterListOptions,
  DeadLetterStore,
} from '../../dead-letters/dead-letter-store.ts'
import { requireInteger } from '../arguments.ts'
import { inProcessingTables, requireSQLiteStore } from './processing-tables.ts'
import type { SQLiteEventStore } from './sqlite-event-store.ts'

const COLUMNS = `id, subscription, global_position AS globalPosition, event_id AS eventId, event_type AS eventType,
  aggregate_id AS aggregateId, aggregate_type AS aggregateType, error, attempts, first_failed_at AS firstFailedAt,
  last_failed_at AS lastFailedAt, resolved_at AS resolvedAt`

/** Dead letters in the SQLite store's own database (table `subscription_dead_letters`). */
export class SQLiteDeadLetterStore implements DeadLetterStore {
  readonly store: SQLiteEventStore

  constructor(store: SQLiteEventStore) {
    requireSQLiteStore('SQLiteDeadLetterStore', store)
    this.store = store
  }

  async record(letter: DeadLetterInput): Promise<DeadLetter> {
    const r = encodeDeadLetter('SQLiteDeadLetterStore.record', letter)
    const row = inProcessingTables(this.store, (sql) =>
      sql(
        `INSERT INTO subscription_dead_letters AS d (subscription, global_position, event_id, event_type, aggregate_id,
           aggregate_type, error, attempts, first_failed_at, last_failed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (subscription, global_position) DO UPDATE SET
           event_id = coalesce(excluded.event_id, d.event_id), event_type = coalesce(excluded.event_type, d.event_type),
           aggregate_id = coalesce(excluded.aggregate_id, d.aggregate_id),
           aggregate_type = coalesce(excluded.aggregate_type, d.aggregate_type), error = excluded.error,
           attempts = d.attempts + excluded.attempts, last_failed_at = excluded.last_failed_at, resolved_at = NULL
         RETURNING ${COLUMNS}`,
      ).get(
        r.subscription,
        r.globalPosition,
        r.eventId,
        r.eventType,
        r.aggregateId,
        r.aggregateType,
        r.error,
        r.attempts,
        r.failedAt,
        r.failedAt,
      ),
    )
    return decodeDeadLetter(row as unknown as DeadLetterRow)
  }

  async list(options?: DeadLetterListOptions): Promise<DeadLetter[]> {
    const { subscription, includeResolved } = listOptions(
      'SQLiteDeadLetterStore.list',
      options,
    )
    const rows = inProcessingTables(this.store, (sql) =>
      sql(
        `SELECT ${COLUMNS} FROM subscription_dead_letters
         WHERE (? IS NULL OR subscription = ?) AND (? OR resolved_at IS NULL)
         ORDER BY subscription, global_position`,
      ).all(
        subscription ?? null,
        subscription ?? null,
        includeResolved ? 1 : 0,
      ),
    )
    return rows.map((row) => decodeDeadLetter(row as unknown as DeadLetterRow))
  }

  async resolve(id: number): Promise<void> {
    requireInteger('SQLiteDeadLetterStore.resolve', 'id', id, 1)
    inProcessingTables(this.store, (sql) =>
      sql(
        'UPDATE subscription_dead_letters SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL',
      ).run(new Date().toISOString(), id),
    )
  }
}
