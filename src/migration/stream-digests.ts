import { createHash } from 'node:crypto'
import { isPlainObject, type DomainEvent } from '../events/domain-event.ts'

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
    const digest = this.#streams.get(key) ?? { events: 0, version: 0, checksum: '' }
    digest.events++
    digest.version = event.aggregateVersion
    digest.checksum = createHash('sha256').update(digest.checksum).update(canonicalJson(event)).digest('hex')
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

  *entries(): Generator<{ aggregateId: string; aggregateType: string; digest: StreamDigest }> {
    for (const [key, digest] of this.#streams) {
      const [aggregateType, aggregateId] = JSON.parse(key) as [string, string]
      yield { aggregateId, aggregateType, digest }
    }
  }

  /** One checksum over every stream, independent of the order the streams were seen in. */
  checksum(): string {
    const hash = createHash('sha256')
    for (const key of [...this.#streams.keys()].sort()) hash.update(`${key}:${this.#streams.get(key)!.checksum}\n`)
    return hash.digest('hex')
  }
}

function streamKey(aggregateId: string, aggregateType: string): string {
  return JSON.stringify([aggregateType, aggregateId])
}

/** JSON with every object's keys sorted. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) =>
    isPlainObject(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  )
}
