import {
  DuplicateEventIdError,
  ExpectedVersion,
  InvalidArgumentError,
  OptimisticLockError,
  type DomainEvent,
} from 'eventsource-ts'

/** An event as the model holds it: what reading it back from any store must give. */
export interface ModelEvent {
  eventId: string
  eventType: string
  aggregateId: string
  aggregateType: string
  tenantId: string | undefined
  version: number
  /** The event's JSON as stored: after a JSON round trip, with the version the store assigned. */
  json: unknown
}

export type ModelOutcome<T> =
  | { ok: T }
  | {
      error: abstract new (...args: never[]) => Error
      fields?: Record<string, unknown>
    }

export interface ModelAppend {
  newVersion: number
  /** The event whose global position the append reports: the last written, else the last skipped one stored, else the log's last. */
  positionOf: string | undefined
  skipped: number
}

export interface ModelReadAll {
  /** Events after this many entries of the log (in either direction, as `fromPosition` means). */
  after: number
  limit?: number
  direction: 'forward' | 'backward'
  eventTypes?: string[]
  aggregateTypes?: string[]
  tenantId?: string
}

/**
 * The store contract written as plainly as possible, with no database and no shared code: the reference
 * the property tests compare every store with. Positions are indexes into `log` (1-based); stores may
 * number their positions differently (PostgreSQL sequences leave gaps) as long as the order is the same.
 */
export class ReferenceModel {
  readonly log: ModelEvent[] = []
  #streams = new Map<string, ModelEvent[]>()
  #byId = new Map<string, { event: ModelEvent; position: number }>()

  version(aggregateId: string, aggregateType: string): number {
    return this.#stream(aggregateId, aggregateType).length
  }

  has(eventId: string): boolean {
    return this.#byId.has(eventId.toLowerCase())
  }

  append(input: ModelAppendInput): ModelOutcome<ModelAppend> {
    return isValid(input) ? this.#write(input) : { error: InvalidArgumentError }
  }

  /** Several appends in one transaction: every append is checked first, then they apply in order, all or none. */
  appendStreams(
    appends: readonly ModelAppendInput[],
  ): ModelOutcome<ModelAppend[]> {
    if (!appends.every(isValid)) return { error: InvalidArgumentError }
    const saved = {
      log: this.log.length,
      streams: new Map(
        [...this.#streams].map(([key, stream]) => [key, [...stream]]),
      ),
      byId: new Map(this.#byId),
    }
    const results: ModelAppend[] = []
    for (const input of appends) {
      const outcome = this.#write(input)
      if ('error' in outcome) {
        this.log.length = saved.log
        this.#streams = saved.streams
        this.#byId = saved.byId
        return outcome
      }
      results.push(outcome.ok)
    }
    return { ok: results }
  }

  #write({
    aggregateId,
    aggregateType,
    events,
    expectedVersion,
  }: ModelAppendInput): ModelOutcome<ModelAppend> {
    const stored = events.flatMap((e) => this.#byId.get(e.eventId) ?? [])
    if (
      stored.some(
        ({ event }) =>
          event.aggregateId !== aggregateId ||
          event.aggregateType !== aggregateType,
      )
    )
      return { error: DuplicateEventIdError }
    const fresh = events.filter((e) => !this.#byId.has(e.eventId))
    const current = this.version(aggregateId, aggregateType)
    if (fresh.length === 0) {
      const latest =
        stored.sort((a, b) => b.position - a.position)[0]?.event ??
        this.log.at(-1)
      return {
        ok: {
          newVersion: current,
          positionOf: latest?.eventId,
          skipped: stored.length,
        },
      }
    }
    const accepted =
      expectedVersion === ExpectedVersion.ANY ||
      (expectedVersion === ExpectedVersion.STREAM_EXISTS
        ? current > 0
        : current === expectedVersion)
    if (!accepted)
      return {
        error: OptimisticLockError,
        fields: {
          aggregateId,
          aggregateType,
          expectedVersion,
          actualVersion: current,
        },
      }

    const stream = this.#stream(aggregateId, aggregateType)
    for (const event of fresh) {
      const version = stream.length + 1
      const json = {
        ...(JSON.parse(JSON.stringify(event)) as Record<string, unknown>),
        aggregateVersion: version,
      }
      const entry: ModelEvent = {
        eventId: event.eventId,
        eventType: event.eventType,
        aggregateId,
        aggregateType,
        tenantId: event.tenantId,
        version,
        json,
      }
      stream.push(entry)
      this.log.push(entry)
      this.#byId.set(entry.eventId, { event: entry, position: this.log.length })
    }
    this.#streams.set(streamKey(aggregateId, aggregateType), stream)
    return {
      ok: {
        newVersion: stream.length,
        positionOf: fresh.at(-1)!.eventId,
        skipped: stored.length,
      },
    }
  }

  getEvents(
    aggregateId: string,
    aggregateType: string,
    fromVersion: number,
  ): ModelEvent[] {
    return this.#stream(aggregateId, aggregateType).filter(
      (e) => e.version > fromVersion,
    )
  }

  readAll({
    after,
    limit = Infinity,
    direction,
    eventTypes,
    aggregateTypes,
    tenantId,
  }: ModelReadAll): ModelEvent[] {
    const matching = this.log
      .slice(after)
      .filter(
        (e) =>
          (!eventTypes || eventTypes.includes(e.eventType)) &&
          (!aggregateTypes || aggregateTypes.includes(e.aggregateType)) &&
          (tenantId === undefined || e.tenantId === tenantId),
      )
    return (direction === 'forward' ? matching : matching.reverse()).slice(
      0,
      limit,
    )
  }

  #stream(aggregateId: string, aggregateType: string): ModelEvent[] {
    return this.#streams.get(streamKey(aggregateId, aggregateType)) ?? []
  }
}

export interface ModelAppendInput {
  aggregateId: string
  aggregateType: string
  events: readonly DomainEvent[]
  expectedVersion: number
}

/** The checks every store makes before it writes: each event once, and every event of the append's stream. */
function isValid({
  aggregateId,
  aggregateType,
  events,
}: Omit<ModelAppendInput, 'expectedVersion'>): boolean {
  const ids = events.map((e) => e.eventId)
  return (
    new Set(ids).size === ids.length &&
    events.every(
      (e) => e.aggregateId === aggregateId && e.aggregateType === aggregateType,
    )
  )
}

function streamKey(aggregateId: string, aggregateType: string): string {
  return JSON.stringify([aggregateType, aggregateId])
}
