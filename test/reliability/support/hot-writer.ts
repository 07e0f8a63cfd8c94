import { randomUUID } from 'node:crypto'
import {
  DatabaseBusyError,
  OptimisticLockError,
  type EventStore,
} from 'eventsource-ts'
import { NoteCreated, NoteUpdated } from '../../support/notes.ts'
import { randomInt, seededRandom } from './random.ts'

export interface HotWriterReport {
  writer: string
  appends: number
  conflicts: number
  busy: number
}

/**
 * Makes `appends` appends spread over `streams` hot streams, as an app handling commands does: read the
 * stream's version, append expecting it, and on a conflict retry at the version the conflict reports. A
 * retry keeps the event's id, so an append that did commit is skipped, never doubled. Each event's content
 * is `<writer>:<i>`, so the log shows what was lost or doubled.
 */
export async function writeHotStreams(
  store: EventStore,
  writer: string,
  appends: number,
  streams: number,
  seed: number,
): Promise<HotWriterReport> {
  const random = seededRandom(seed)
  let conflicts = 0
  let busy = 0
  for (let i = 0; i < appends; i++) {
    const aggregateId = `hot-${randomInt(random, 0, streams - 1)}`
    const eventId = randomUUID()
    let version = await store.getStreamVersion(aggregateId, 'Note')
    for (;;) {
      const fields = {
        eventId,
        aggregateId,
        aggregateVersion: version + 1,
        content: `${writer}:${i}`,
      }
      const event =
        version === 0
          ? new NoteCreated({ ...fields, title: 'hot' })
          : new NoteUpdated(fields)
      try {
        await store.appendEvents({
          aggregateId,
          aggregateType: 'Note',
          events: [event],
          expectedVersion: version,
        })
        break
      } catch (error) {
        if (error instanceof OptimisticLockError) {
          conflicts++
          version = error.actualVersion
        } else if (error instanceof DatabaseBusyError) busy++
        else throw error
      }
    }
  }
  return { writer, appends, conflicts, busy }
}
