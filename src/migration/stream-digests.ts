import { createHash, hash, type Hash } from 'node:crypto'
import { payloadOf, type DomainEvent } from '../events/domain-event.ts'
import { streamKey } from '../stores/stream-key.ts'
import { StreamMap } from '../stores/stream-map.ts'
import { jsonbText } from './jsonb-text.ts'

/** What a stream holds, in short: how many events, its version, and a checksum of all of them in order. */
export interface StreamDigest {
  events: number
  version: number
  /**
   * SHA-256 (hex) of the SHA-256 of each of the stream's events in turn (32 bytes each): ids, versions,
   * times, payloads and metadata.
   */
  checksum: string
}

/** A stream being digested: its checksum is read once its last event is in. */
interface Digesting {
  events: number
  version: number
  hash: Hash | undefined
  checksum: string
}

/**
 * Digests of many streams, fed one event at a time in stream order. Each event counts as the text of a
 * JSON array of its fields as PostgreSQL's JSONB writes it out (`jsonbText`), so stores that keep JSON
 * differently agree, and a PostgreSQL store computes the same digests in SQL where the events are.
 */
export class StreamDigests {
  readonly #streams = new StreamMap<Digesting>()

  add(event: DomainEvent): void {
    const { aggregateId, aggregateType } = event
    let digest = this.#streams.get(aggregateId, aggregateType)
    if (!digest) {
      digest = {
        events: 0,
        version: 0,
        hash: createHash('sha256'),
        checksum: '',
      }
      this.#streams.set(aggregateId, aggregateType, digest)
    }
    if (!digest.hash)
      throw new Error(
        `StreamDigests: ${streamKey(aggregateId, aggregateType)} was read before its last event`,
      )
    digest.events++
    digest.version = event.aggregateVersion
    // One-shot: a Hash object an event costs more than the hashing itself.
    digest.hash.update(hash('sha256', digestInput(event), 'buffer'))
  }

  /** A stream's digest computed elsewhere, such as by the store that holds it. */
  set(aggregateId: string, aggregateType: string, digest: StreamDigest): void {
    this.#streams.set(aggregateId, aggregateType, {
      ...digest,
      hash: undefined,
    })
  }

  get(aggregateId: string, aggregateType: string): StreamDigest | undefined {
    const digest = this.#streams.get(aggregateId, aggregateType)
    return digest && finished(digest)
  }

  has(aggregateId: string, aggregateType: string): boolean {
    return this.#streams.get(aggregateId, aggregateType) !== undefined
  }

  get size(): number {
    return this.#streams.size
  }

  *entries(): Generator<{
    aggregateId: string
    aggregateType: string
    digest: StreamDigest
  }> {
    for (const [aggregateId, aggregateType, digest] of this.#streams.entries())
      yield { aggregateId, aggregateType, digest: finished(digest) }
  }

  /** One checksum over every stream, independent of the order the streams were seen in. */
  checksum(): string {
    const lines = [...this.entries()].map(
      ({ aggregateId, aggregateType, digest }) =>
        `${streamKey(aggregateId, aggregateType)}:${digest.checksum}\n`,
    )
    const all = createHash('sha256')
    // Lines sort as their keys do: no key begins another, as each is a whole JSON array.
    for (const line of lines.sort()) all.update(line)
    return all.digest('hex')
  }
}

/** The stream's digest, its checksum read (from then on, it takes no more events). */
function finished(digest: Digesting): StreamDigest {
  if (digest.hash) {
    digest.checksum = digest.hash.digest('hex')
    digest.hash = undefined
  }
  const { events, version, checksum } = digest
  return { events, version, checksum }
}

/**
 * What the checksum covers of an event: its fields in a fixed order, its payload and metadata last. A
 * PostgreSQL store builds the same text in SQL (`SELECT_STREAM_DIGESTS` in src/stores/postgresql/schema.ts):
 * change both or neither.
 */
function digestInput(event: DomainEvent): string {
  return jsonbText([
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
