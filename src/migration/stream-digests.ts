import { createHash } from 'node:crypto'
import { payloadOf, type DomainEvent } from '../events/domain-event.ts'

/** What a stream holds, in short: how many events, its version, and a checksum of all of them in order. */
export interface StreamDigest {
  events: number
  version: number
  /** SHA-256 (hex) chained over the stream's events: ids, versions, times, payloads and metadata. */
  checksum: string
}

/**
 * Digests of many streams, fed one event at a time in stream order. Each event counts in canonical JSON
 * (keys sorted), so stores that keep JSON differently (PostgreSQL's JSONB reorders keys) agree.
 */
export class StreamDigests {
  readonly #streams = new Map<string, StreamDigest>()

  add(event: DomainEvent): void {
    const key = streamKey(event.aggregateId, event.aggregateType)
    const digest = this.#streams.get(key) ?? {
      events: 0,
      version: 0,
      checksum: '',
    }
    digest.events++
    digest.version = event.aggregateVersion
    digest.checksum = createHash('sha256')
      .update(digest.checksum)
      .update(digestInput(event))
      .digest('hex')
    this.#streams.set(key, digest)
  }

  get(aggregateId: string, aggregateType: string): StreamDigest | undefined {
    return this.#streams.get(streamKey(aggregateId, aggregateType))
  }

  has(aggregateId: string, aggregateType: string): boolean {
    return this.#streams.has(streamKey(aggregateId, aggregateType))
  }

  get size(): number {
    return this.#streams.size
  }

  *entries(): Generator<{
    aggregateId: string
    aggregateType: string
    digest: StreamDigest
  }> {
    for (const [key, digest] of this.#streams) {
      const [aggregateType, aggregateId] = JSON.parse(key) as [string, string]
      yield { aggregateId, aggregateType, digest }
    }
  }

  /** One checksum over every stream, independent of the order the streams were seen in. */
  checksum(): string {
    const hash = createHash('sha256')
    for (const key of [...this.#streams.keys()].sort())
      hash.update(`${key}:${this.#streams.get(key)!.checksum}\n`)
    return hash.digest('hex')
  }
}

function streamKey(aggregateId: string, aggregateType: string): string {
  return JSON.stringify([aggregateType, aggregateId])
}

/**
 * What the checksum covers of an event: its fields in a fixed order, then its payload and metadata, as
 * canonical JSON.
 */
function digestInput(event: DomainEvent): string {
  return canonicalJson([
    event.eventId,
    event.eventType,
    event.eventVersion,
    event.aggregateId,
    event.aggregateType,
    event.aggregateVersion,
    event.occurredAt.toISOString(),
    event.tenantId ?? null,
    event.actorId ?? null,
    event.correlationId,
    event.causationId ?? null,
    payloadOf(event),
    event.metadata,
  ])
}

/** JSON with every object's keys sorted, so the same value gives the same text whatever order its keys came in. */
export function canonicalJson(value: unknown): string {
  const data = hasToJson(value) ? value.toJSON() : value
  if (data === null || typeof data !== 'object')
    return JSON.stringify(data) ?? 'null'
  if (Array.isArray(data)) return `[${data.map(canonicalJson).join(',')}]`
  const fields: string[] = []
  for (const key of Object.keys(data).sort()) {
    const item = (data as Record<string, unknown>)[key]
    // Left out, as JSON.stringify leaves them out of objects.
    if (
      item !== undefined &&
      typeof item !== 'function' &&
      typeof item !== 'symbol'
    )
      fields.push(`${JSON.stringify(key)}:${canonicalJson(item)}`)
  }
  return `{${fields.join(',')}}`
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  )
}
