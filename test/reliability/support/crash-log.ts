import { expect } from 'vitest'
import type { EventStore, JsonObject } from 'eventsource-ts'

export interface CrashLogSummary {
  events: number
  batches: number
}

/**
 * Checks a log written by crash-writer.ts after a kill: every batch is whole and in one piece of its
 * stream, every stream's versions run 1..n with no gaps, and every acknowledged batch is there. Reading
 * the log through the store also proves every row still decodes into a valid event.
 */
export async function checkCrashLog(
  store: EventStore,
  acknowledged: ReadonlySet<string>,
  context: string,
): Promise<CrashLogSummary> {
  const batches = new Map<
    string,
    { size: number; versions: number[]; streams: Set<string> }
  >()
  const streams = new Map<string, number[]>()
  for await (const { event } of store.readAll()) {
    const { batch, size, index } = event.metadata as JsonObject & {
      batch: string
      size: number
      index: number
    }
    const entry = batches.get(batch) ?? {
      size,
      versions: [],
      streams: new Set(),
    }
    expect(
      index,
      `${context}: event ${index} of batch ${batch} out of order`,
    ).toBe(entry.versions.length)
    entry.versions.push(event.aggregateVersion)
    entry.streams.add(event.aggregateId)
    batches.set(batch, entry)
    streams.set(event.aggregateId, [
      ...(streams.get(event.aggregateId) ?? []),
      event.aggregateVersion,
    ])
  }
  for (const [batch, { size, versions, streams: where }] of batches) {
    expect(versions.length, `${context}: batch ${batch} is partial`).toBe(size)
    expect(
      where.size,
      `${context}: batch ${batch} is split across streams`,
    ).toBe(1)
    expect(
      versions,
      `${context}: batch ${batch} has non-consecutive versions`,
    ).toEqual(versions.map((_, i) => versions[0]! + i))
  }
  for (const [stream, versions] of streams) {
    expect(
      versions,
      `${context}: stream ${stream} has gaps or is out of order`,
    ).toEqual(versions.map((_, i) => i + 1))
  }
  const lost = [...acknowledged].filter((batch) => !batches.has(batch))
  expect(lost, `${context}: acknowledged batches lost`).toEqual([])
  return {
    events: [...streams.values()].reduce((sum, v) => sum + v.length, 0),
    batches: batches.size,
  }
}
