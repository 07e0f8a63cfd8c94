import {
  decodeDeadLetter,
  encodeDeadLetter,
  INSERTED_COLUMNS,
  MERGE_DEAD_LETTER,
  listOptions,
  type DeadLetterRow,
} from '../../dead-letters/dead-letter-record.ts'
import type {
  DeadLetter,
  DeadLetterInput,
  DeadLetterListOptions,
  DeadLetterStore,
} from '../../dead-letters/dead-letter-store.ts'
import { requireInteger, requireStoreOf } from '../arguments.ts'
import { PostgreSQLEventStore } from './postgresql-event-store.ts'
import { queryProcessingTables } from './processing-tables.ts'
import { isoTime } from './schema.ts'

const COLUMNS = `id, subscription, global_position AS "globalPosition", event_id AS "eventId", event_type AS "eventType",
  aggregate_id AS "aggregateId", aggregate_type AS "aggregateType", error, attempts,
  ${isoTime('first_failed_at')} AS "firstFailedAt", ${isoTime('last_failed_at')} AS "lastFailedAt",
  CASE WHEN resolved_at IS NULL THEN NULL ELSE ${isoTime('resolved_at')} END AS "resolvedAt"`

/** Dead letters in the PostgreSQL store's own database (table `subscription_dead_letters`). */
export class PostgreSQLDeadLetterStore implements DeadLetterStore {
  readonly store: PostgreSQLEventStore

  constructor(store: PostgreSQLEventStore) {
    requireStoreOf('PostgreSQLDeadLetterStore', store, PostgreSQLEventStore)
    this.store = store
  }

  async record(letter: DeadLetterInput): Promise<DeadLetter> {
    const r = encodeDeadLetter('PostgreSQLDeadLetterStore.record', letter)
    const [row] = await queryProcessingTables<DeadLetterRow>(
      this.store,
      `INSERT INTO subscription_dead_letters AS d (${INSERTED_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ${MERGE_DEAD_LETTER}
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
