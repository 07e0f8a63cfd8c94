import { randomUUID } from 'node:crypto'
import { notePayload, type Subject } from '../lib/subject.ts'

interface Row {
  globalPosition: number
  eventId: string
  eventType: string
  aggregateId: string
  aggregateVersion: number
  correlationId: string
  occurredAt: string
  storedAt: string
  payload: string
  metadata: string
}

/**
 * The floor for the in-memory store: plain arrays and a map holding the same rows, encoded as JSON the same
 * way, with none of the store's checks.
 */
export function memoryFloor(): Subject {
  const log: Row[] = []
  const streams = new Map<string, Row[]>()
  const decode = (row: Row) => ({
    ...row,
    payload: JSON.parse(row.payload) as unknown,
    metadata: JSON.parse(row.metadata) as unknown,
  })

  return {
    async appendStream(streamId, count, afterVersion = 0) {
      const stream = streams.get(streamId) ?? []
      if (stream.length !== afterVersion)
        throw new Error(`stream ${streamId} is not at version ${afterVersion}`)
      const now = new Date().toISOString()
      for (
        let version = afterVersion + 1;
        version <= afterVersion + count;
        version++
      ) {
        const { eventType, payload } = notePayload(version)
        const row = {
          globalPosition: log.length + 1,
          eventId: randomUUID(),
          eventType,
          aggregateId: streamId,
          aggregateVersion: version,
          correlationId: randomUUID(),
          occurredAt: now,
          storedAt: now,
          payload: JSON.stringify(payload),
          metadata: '{}',
        }
        log.push(row)
        stream.push(row)
      }
      streams.set(streamId, stream)
    },
    async readStream(streamId) {
      return (streams.get(streamId) ?? []).map(decode).length
    },
    async readAll() {
      let count = 0
      for (const row of log) if (decode(row)) count++
      return count
    },
    async close() {},
  }
}
