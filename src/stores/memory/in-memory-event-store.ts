import { planAppend, type AppendBatch } from '../append-plan.ts'
import { requireOptions } from '../arguments.ts'
import {
  BaseEventStore,
  STORE_OPTION_NAMES,
  type PageQuery,
  type StoreOptions,
} from '../base-event-store.ts'
import type { EventRecord } from '../event-record.ts'
import type { AppendResult } from '../event-store.ts'

/**
 * An event store held in memory: for tests and first steps. It stores events encoded exactly as the
 * database stores do, so it reads them back, validated, the same way.
 */
export class InMemoryEventStore extends BaseEventStore {
  protected readonly dbSystem = 'memory'
  protected readonly dbName = 'memory'
  #log: EventRecord[] | undefined
  #streams = new Map<string, EventRecord[]>()
  #byId = new Map<string, EventRecord>()

  constructor(options?: StoreOptions) {
    super(
      requireOptions('InMemoryEventStore', options, [...STORE_OPTION_NAMES]),
    )
  }

  get isConnected(): boolean {
    return this.#log !== undefined
  }

  protected open(): void {
    this.#log = []
  }

  /** Closing drops the events, as closing an in-memory database does. */
  protected shutdown(): void {
    this.#log = undefined
    this.#streams.clear()
    this.#byId.clear()
  }

  protected writeBatch(batch: AppendBatch): AppendResult {
    const log = this.#log!
    const key = streamKey(batch.aggregateId, batch.aggregateType)
    const stream = this.#streams.get(key) ?? []
    const stored = batch.events.flatMap((e) => {
      const record = this.#byId.get(e.eventId)
      return record ? [record] : []
    })
    const plan = planAppend(batch, stream.length, stored, () => log.length)
    if (!plan.write) return plan.result
    const storedAt = new Date().toISOString()
    plan.events.forEach((event, index) => {
      const record: EventRecord = {
        ...event,
        globalPosition: log.length + 1,
        aggregateVersion: plan.firstVersion + index,
        storedAt,
      }
      log.push(record)
      stream.push(record)
      this.#byId.set(record.eventId, record)
    })
    this.#streams.set(key, stream)
    return {
      newVersion: stream.length,
      globalPosition: log.length,
      skipped: plan.skipped,
    }
  }

  protected writeBatches(batches: AppendBatch[]): AppendResult[] {
    const mark = this.#log!.length
    try {
      return batches.map((batch) => this.writeBatch(batch))
    } catch (error) {
      this.rollBackTo(mark)
      throw error
    }
  }

  /** Forgets every event after position `mark`, as a database rolls back a transaction. */
  private rollBackTo(mark: number): void {
    for (const record of this.#log!.splice(mark).reverse()) {
      const key = streamKey(record.aggregateId, record.aggregateType)
      const stream = this.#streams.get(key)!
      stream.pop()
      if (stream.length === 0) this.#streams.delete(key)
      this.#byId.delete(record.eventId)
    }
  }

  protected readStream(
    aggregateId: string,
    aggregateType: string,
    fromVersion: number,
  ): EventRecord[] {
    return (
      this.#streams.get(streamKey(aggregateId, aggregateType)) ?? []
    ).slice(fromVersion)
  }

  protected readPage({
    above,
    below,
    direction,
    size,
    eventTypes,
    aggregateTypes,
    tenantId,
  }: PageQuery): EventRecord[] {
    const log = this.#log!
    const page: EventRecord[] = []
    const matches = (r: EventRecord) =>
      (!eventTypes || eventTypes.includes(r.eventType)) &&
      (!aggregateTypes || aggregateTypes.includes(r.aggregateType)) &&
      (tenantId === undefined || r.tenantId === tenantId)
    // Positions are 1-based indexes into the log: position p sits at index p - 1.
    if (direction === 'forward') {
      for (let i = above; i < log.length && page.length < size; i++)
        if (matches(log[i]!)) page.push(log[i]!)
    } else {
      for (
        let i = Math.min(below ?? Infinity, log.length + 1) - 2;
        i >= above && page.length < size;
        i--
      )
        if (matches(log[i]!)) page.push(log[i]!)
    }
    return page
  }

  protected streamVersion(aggregateId: string, aggregateType: string): number {
    return this.#streams.get(streamKey(aggregateId, aggregateType))?.length ?? 0
  }

  protected hasEvent(eventId: string): boolean {
    return this.#byId.has(eventId)
  }

  protected lastPosition(): number {
    return this.#log!.length
  }
}

function streamKey(aggregateId: string, aggregateType: string): string {
  return JSON.stringify([aggregateType, aggregateId])
}
