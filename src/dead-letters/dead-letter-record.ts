import { InvalidArgumentError } from '../errors.ts'
import { describe, isPlainObject } from '../events/domain-event.ts'
import {
  requireDate,
  requireInteger,
  requireOptions,
  requireText,
} from '../stores/arguments.ts'
import type {
  DeadLetter,
  DeadLetterInput,
  DeadLetterListOptions,
} from './dead-letter-store.ts'

/** A dead letter as every backend stores it: absent fields as null, times as fixed-width UTC ISO-8601. */
export interface DeadLetterRecord {
  subscription: string
  globalPosition: number
  eventId: string | null
  eventType: string | null
  aggregateId: string | null
  aggregateType: string | null
  error: string
  attempts: number
  failedAt: string
}

/**
 * The SQL of `record` after its VALUES, the same on SQLite and PostgreSQL (the table aliased `d`): a second
 * failure of the same subscription and position updates the one row.
 */
export const MERGE_DEAD_LETTER = `ON CONFLICT (subscription, global_position) DO UPDATE SET
  event_id = coalesce(excluded.event_id, d.event_id), event_type = coalesce(excluded.event_type, d.event_type),
  aggregate_id = coalesce(excluded.aggregate_id, d.aggregate_id),
  aggregate_type = coalesce(excluded.aggregate_type, d.aggregate_type), error = excluded.error,
  attempts = d.attempts + excluded.attempts, last_failed_at = excluded.last_failed_at, resolved_at = NULL`

/** The columns `record` writes, in `DeadLetterRecord` order, then the first failure's time. */
export const INSERTED_COLUMNS = `subscription, global_position, event_id, event_type, aggregate_id, aggregate_type, error,
  attempts, first_failed_at, last_failed_at`

/** A stored row read back, its columns named as `DeadLetter` fields. */
export interface DeadLetterRow {
  id: unknown
  subscription: string
  globalPosition: unknown
  eventId: string | null
  eventType: string | null
  aggregateId: string | null
  aggregateType: string | null
  error: string
  attempts: unknown
  firstFailedAt: string
  lastFailedAt: string
  resolvedAt: string | null
}

const OPTIONAL = [
  'eventId',
  'eventType',
  'aggregateId',
  'aggregateType',
] as const

/** Checks a dead letter to be recorded and encodes it. */
export function encodeDeadLetter(
  method: string,
  letter: DeadLetterInput,
): DeadLetterRecord {
  if (!isPlainObject(letter))
    throw new InvalidArgumentError(
      `${method} expects { subscription, globalPosition, error, attempts, ... }, got ${describe(letter)}.`,
    )
  const {
    subscription,
    globalPosition,
    error,
    attempts,
    failedAt = new Date(),
  } = requireOptions(method, letter, [
    'subscription',
    'globalPosition',
    'error',
    'attempts',
    'failedAt',
    ...OPTIONAL,
  ])
  requireText(method, 'subscription', subscription)
  requireInteger(method, 'globalPosition', globalPosition, 1)
  requireInteger(method, 'attempts', attempts, 1)
  if (typeof error !== 'string')
    throw new InvalidArgumentError(
      `${method}: error must be a string, got ${describe(error)}.`,
    )
  for (const field of OPTIONAL)
    if (letter[field] !== undefined) requireText(method, field, letter[field])
  requireDate(method, 'failedAt', failedAt)
  return {
    subscription,
    globalPosition,
    eventId: letter.eventId ?? null,
    eventType: letter.eventType ?? null,
    aggregateId: letter.aggregateId ?? null,
    aggregateType: letter.aggregateType ?? null,
    error,
    attempts,
    failedAt: failedAt.toISOString(),
  }
}

export function decodeDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: Number(row.id),
    subscription: row.subscription,
    globalPosition: Number(row.globalPosition),
    eventId: row.eventId ?? undefined,
    eventType: row.eventType ?? undefined,
    aggregateId: row.aggregateId ?? undefined,
    aggregateType: row.aggregateType ?? undefined,
    error: row.error,
    attempts: Number(row.attempts),
    firstFailedAt: new Date(row.firstFailedAt),
    lastFailedAt: new Date(row.lastFailedAt),
    resolvedAt: row.resolvedAt === null ? undefined : new Date(row.resolvedAt),
  }
}

/** Checks `list`'s options. */
export function listOptions(
  method: string,
  options: DeadLetterListOptions | undefined,
): { subscription: string | undefined; includeResolved: boolean } {
  const { subscription, includeResolved = false } = requireOptions(
    method,
    options,
    ['subscription', 'includeResolved'],
  )
  if (subscription !== undefined)
    requireText(method, 'subscription', subscription)
  if (typeof includeResolved !== 'boolean')
    throw new InvalidArgumentError(
      `${method}: includeResolved must be true or false, got ${describe(includeResolved)}.`,
    )
  return { subscription, includeResolved }
}
