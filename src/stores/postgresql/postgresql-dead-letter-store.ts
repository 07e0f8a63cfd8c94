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
import type { PostgreSQLEventStore } from './postgresql-event-store.ts'
import {
  queryProcessingTables,
  requirePostgreSQLStore,
} from './processing-tables.ts'
import { isoTime } from './schema.ts'

const COLUMNS = `id, subscription, global_position AS "globalPosition", event_id AS "eventId", event_type AS "eventType",
  aggregate_id AS "aggregateId", aggregate_type AS "aggregateType", error, attempts,
  ${isoTime('first_failed_at')} AS "firstFailedAt", ${isoTime('last_failed_at')} AS "lastFailedAt",
  CASE WHEN resolved_at IS NULL THEN NULL ELSE ${isoTime('resolved_at')} END AS "resolvedAt"`

/** Dead letters in the PostgreSQL store's own database (table `subscription_dead_letters`). */
export class PostgreSQLDeadLetterStore implements DeadLetterStore {
  readonly store: PostgreSQLEventStore

  constructor(store: PostgreSQLEventStore) {
    requirePostgreSQLStore('PostgreSQLDeadLetterStore', store)
    this.store = store
  }

  async record(letter: DeadLetterInput): Promise<DeadLetter> {
    const r = encodeDeadLetter('PostgreSQLDeadLetterStore.record', letter)
    const [row] = await queryProcessingTables<DeadLetterRow>(
      this.store,
      `INSERT INTO subscription_dead_letters AS d (subscription, global_position, event_id, event_type, aggregate_id,
         aggregate_type, error, attempts, first_failed_at, last_failed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (subscription, global_position) DO UPDATE SET
         event_id = coalesce(excluded.event_id, d.event_id), event_type = coalesce(excluded.event_type, d.event_type),
         aggregate_id = coalesce(excluded.aggregate_id, d.aggregate_id),
         aggregate_type = coalesce(excluded.aggregate_type, d.aggregate_type), error = excluded.error,
         attempts = d.attempts + excluded.attempts, last_failed_at = excluded.last_failed_at, resolved_at = NULL
       RETURNING ${COLUMNS}`,
      [
        r.subscription,
        r.globalPosition,
        r.eventId,
        r.eventType,
        r.aggregateId,
        r.aggregateType,
        r.error,
        r.attempts,
        r.failedAt,
      ],
    )
    return decodeDeadLetter(row!)
  }

  async list(options?: DeadLetterListOptions): Promise<DeadLetter[]> {
    const { subscription, includeResolved } = listOptions(
      'PostgreSQLDeadLetterStore.list',
      options,
    )
    const rows = await queryProcessingTables<DeadLetterRow>(
      this.store,
      `SELECT ${COLUMNS} FROM subscription_dead_letters
        WHERE ($1::text IS NULL OR subscription = $1) AND ($2 OR resolved_at IS NULL)
        ORDER BY subscription COLLATE "C", global_position`,
      [subscription ?? null, includeResolved],
    )
    return rows.map(decodeDeadLetter)
  }

  async resolve(id: number): Promise<void> {
    requireInteger('PostgreSQLDeadLetterStore.resolve', 'id', id, 1)
    await queryProcessingTables(
      this.store,
      'UPDATE subscription_dead_letters SET resolved_at = now() WHERE id = $1 AND resolved_at IS NULL',
      [id],
    )
  }
}
