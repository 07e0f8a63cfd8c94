/** Wrong answer to 12-3: a checksum of event ids only, blind to a changed payload or a changed order. */
import { createHash } from 'node:crypto'
import type { EventStore } from 'eventsource-ts'
import type {
  LogChecksum,
  Verification,
} from '../../../solutions/12-sqlite/12-3-migration.ts'

export { migrate } from '../../../solutions/12-sqlite/12-3-migration.ts'

export async function checksum(store: EventStore): Promise<LogChecksum> {
  const ids: string[] = []
  for await (const stored of store.readAll()) ids.push(stored.event.eventId)
  return {
    count: ids.length,
    checksum: createHash('sha256').update(ids.sort().join()).digest('hex'),
  }
}

export async function verifyMigration(
  source: EventStore,
  target: EventStore,
): Promise<Verification> {
  const [a, b] = [await checksum(source), await checksum(target)]
  return {
    source: a,
    target: b,
    matches: a.count === b.count && a.checksum === b.checksum,
  }
}
