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
import { inProcessingTables } from './processing-tables.ts'
import { SQLiteEventStore } from './sqlite-event-store.ts'

const COLUMNS = `id, subscription, global_position AS globalPosition, event_id AS eventId, event_type AS eventType,
  aggregate_id AS aggregateId, aggregate_type AS aggregateType, error, attempts, first_failed_at AS firstFailedAt,
  last_failed_at AS lastFailedAt, resolved_at AS resolvedAt`

/** Dead letters in the SQLite store's own database (table `subscription_dead_letters`). */
export class SQLiteDeadLetterStore implements DeadLetterStore {
  readonly store: SQLiteEventStore

  constructor(store: SQLiteEventStore) {
    requireStoreOf('SQLiteDeadLetterStore', store, SQLiteEventStore)
    this.store = store
  }

  async record(letter: DeadLetterInput): Promise<DeadLetter> {
    const r = encodeDeadLetter('SQLiteDeadLetterStore.record', letter)
    const row = inProcessingTables(this.store, (sql) =>
      sql(
        `INSERT INTO subscription_dead_letters AS d (${INSERTED_COLUMNS})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ${MERGE_DEAD_LETTER}
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
