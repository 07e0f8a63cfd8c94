import {
  EventSerializationError,
  EventTypeNotFoundError,
  EventValidationError,
  StoreConnectionError,
} from '../errors.ts'
import {
  NO_METADATA,
  payloadOf,
  restoreEvent,
  type DomainEvent,
} from '../events/domain-event.ts'
import { parseIsoTime } from '../events/iso-time.ts'
import type { JsonObject } from '../events/json.ts'
import type { EventRegistry } from '../events/registry.ts'
import type { AppendBatch } from './append-plan.ts'
import type { StoredEvent } from './event-store.ts'

/** An event as every backend stores it: base fields in columns, payload and metadata as JSON text. */
export interface EncodedEvent {
  eventId: string
  eventType: string
  eventVersion: number
  aggregateId: string
  aggregateType: string
  tenantId: string | null
  actorId: string | null
  correlationId: string
  causationId: string | null
  /** Fixed-width UTC ISO-8601, so times sort as text. */
  occurredAt: string
  payload: string
  metadata: string
}

/** A stored row, as read back: the encoded event plus what the store assigned. */
export interface EventRecord extends EncodedEvent {
  globalPosition: number
  aggregateVersion: number
  storedAt: string
}

/** The log's columns, in `EventRecord` order: every backend's table has them. */
export const RECORD_COLUMNS = [
  'global_position',
  'event_id',
  'event_type',
  'event_version',
  'aggregate_id',
  'aggregate_type',
  'aggregate_version',
  'tenant_id',
  'actor_id',
  'correlation_id',
  'causation_id',
  'occurred_at',
  'stored_at',
  'payload',
  'metadata',
] as const

/** The `EventRecord` field a column is read into, such as `globalPosition` for `global_position`. */
export function recordField(column: string): string {
  return column.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase())
}

/** Refuses a database whose `events` table, with columns `present`, belongs to something else. */
export function checkEventTable(
  database: string,
  present: Iterable<string>,
  advice: string,
): void {
  const columns = new Set(present)
  const missing = RECORD_COLUMNS.filter((column) => !columns.has(column))
  if (missing.length > 0) {
    throw new StoreConnectionError(
      `${database} has an "events" table that is not an event store's (it lacks ${missing.join(', ')}). ${advice}`,
    )
  }
}

/** An event as a database store writes it. */
export function encodeEvent(event: DomainEvent): EncodedEvent {
  return {
    eventId: event.eventId,
    eventType: event.eventType,
    eventVersion: event.eventVersion,
    aggregateId: event.aggregateId,
    aggregateType: event.aggregateType,
    tenantId: event.tenantId ?? null,
    actorId: event.actorId ?? null,
    correlationId: event.correlationId,
    causationId: event.causationId ?? null,
    occurredAt: event.occurredAt.toISOString(),
    payload: JSON.stringify(payloadOf(event)),
    metadata: JSON.stringify(event.metadata),
  }
}

/** A batch with its events encoded, as a database store writes them. */
export function encodeBatch(batch: AppendBatch): AppendBatch<EncodedEvent> {
  return { ...batch, events: batch.events.map(encodeEvent) }
}

/** A stored row as `readAll` yields it: the event, with where and when the store put it. */
export function decodeRecord(
  record: EventRecord,
  registry: EventRegistry,
): StoredEvent {
  return {
    event: decodeEvent(record, registry),
    globalPosition: record.globalPosition,
    streamPosition: record.aggregateVersion,
    storedAt: new Date(parseIsoTime(record.storedAt)),
  }
}

/**
 * Turns a stored row back into an event, validated by its schema. A row that cannot be read throws the
 * typed error for its cause, naming its global position; a half-built event is never returned.
 */
export function decodeEvent(
  record: EventRecord,
  registry: EventRegistry,
): DomainEvent {
  if (!registry.has(record.eventType))
    throw new EventTypeNotFoundError(record.eventType, registry.list(), {
      globalPosition: record.globalPosition,
    })
  const payload = parseJson(record, 'payload')
  const metadata =
    record.metadata === '{}'
      ? NO_METADATA
      : (parseJson(record, 'metadata') as JsonObject)
  try {
    // The row holds the base fields under their own names: it is passed as it is.
    return restoreEvent(
      registry.get(record.eventType),
      record,
      payload,
      metadata,
    )
  } catch (error) {
    if (error instanceof EventValidationError)
      throw new EventValidationError(error.eventType, error.issues, {
        globalPosition: record.globalPosition,
      })
    throw error
  }
}

function parseJson(
  record: EventRecord,
  column: 'payload' | 'metadata',
): Record<string, unknown> {
  const text = record[column]
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    throw new EventSerializationError(
      record.eventType,
      record.globalPosition,
      column,
      { cause },
    )
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new EventSerializationError(
      record.eventType,
      record.globalPosition,
      column,
    )
  }
  return value as Record<string, unknown>
}
