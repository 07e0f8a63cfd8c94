import { requireInteger } from '../stores/arguments.ts'
import {
  decodeDeadLetter,
  encodeDeadLetter,
  listOptions,
  type DeadLetterRow,
} from './dead-letter-record.ts'
import type {
  DeadLetter,
  DeadLetterInput,
  DeadLetterListOptions,
  DeadLetterStore,
} from './dead-letter-store.ts'

/** Dead letters held in memory, for tests and first steps. */
export class InMemoryDeadLetterStore implements DeadLetterStore {
  readonly #rows = new Map<string, DeadLetterRow>()
  #lastId = 0

  async record(letter: DeadLetterInput): Promise<DeadLetter> {
    const record = encodeDeadLetter('InMemoryDeadLetterStore.record', letter)
    const key = JSON.stringify([record.subscription, record.globalPosition])
    const { failedAt, ...fields } = record
    const existing = this.#rows.get(key)
    const row: DeadLetterRow = existing
      ? {
          ...existing,
          ...withoutNulls(fields),
          attempts: Number(existing.attempts) + record.attempts,
          lastFailedAt: failedAt,
          resolvedAt: null,
        }
      : {
          id: ++this.#lastId,
          ...fields,
          firstFailedAt: failedAt,
          lastFailedAt: failedAt,
          resolvedAt: null,
        }
    this.#rows.set(key, row)
    return decodeDeadLetter(row)
  }

  async list(options?: DeadLetterListOptions): Promise<DeadLetter[]> {
    const { subscription, includeResolved } = listOptions(
      'InMemoryDeadLetterStore.list',
      options,
    )
    return [...this.#rows.values()]
      .filter(
        (row) =>
          (subscription === undefined || row.subscription === subscription) &&
          (includeResolved || row.resolvedAt === null),
      )
      .map(decodeDeadLetter)
      .sort((a, b) =>
        a.subscription === b.subscription
          ? a.globalPosition - b.globalPosition
          : a.subscription < b.subscription
            ? -1
            : 1,
      )
  }

  async resolve(id: number): Promise<void> {
    requireInteger('InMemoryDeadLetterStore.resolve', 'id', id, 1)
    for (const row of this.#rows.values())
      if (row.id === id && row.resolvedAt === null)
        row.resolvedAt = new Date().toISOString()
  }
}

/** The fields given this time; an event field left out keeps what the record had. */
function withoutNulls<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null),
  ) as Partial<T>
}
