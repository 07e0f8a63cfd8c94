/**
 * Wrong answer to 12-3: its batch loop has no way out, and awaits only promises that settle at once, so no
 * timer, not even vitest's test timeout, ever fires. The tooling test proves verify still ends, and says why.
 */
import type { StoredEvent } from 'eventsource-ts'
import type {
  MigrateOptions,
  MigrationReport,
} from '../../../solutions/12-sqlite/12-3-migration.ts'

export {
  checksum,
  verifyMigration,
} from '../../../solutions/12-sqlite/12-3-migration.ts'

export async function migrate({
  source,
  target,
  checkpoint,
  batchSize,
}: MigrateOptions): Promise<MigrationReport> {
  let position = await checkpoint.load()
  const copied = 0
  for (;;) {
    const batch: StoredEvent[] = []
    for await (const stored of source.readAll({
      fromPosition: position,
      limit: batchSize,
    }))
      batch.push(stored)
    for (const stored of batch)
      await target.appendEvents({
        aggregateId: stored.event.aggregateId,
        aggregateType: stored.event.aggregateType,
        events: [stored.event],
        expectedVersion: -1,
      })
    position = batch.at(-1)?.globalPosition ?? position
    if (copied < 0) return { copied, lastPosition: position }
  }
}
