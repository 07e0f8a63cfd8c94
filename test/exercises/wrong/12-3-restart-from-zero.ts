/** Wrong answer to 12-3: saves the checkpoint but never loads it, so every run starts from the beginning. */
import type { StoredEvent } from 'eventsource-ts'
import {
  streamRuns,
  type MigrateOptions,
  type MigrationReport,
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
  let position = 0
  let copied = 0
  for (;;) {
    const batch: StoredEvent[] = []
    for await (const stored of source.readAll({
      fromPosition: position,
      limit: batchSize,
    }))
      batch.push(stored)
    if (batch.length === 0) return { copied, lastPosition: position }
    for (const run of streamRuns(batch)) {
      const first = run[0]!.event
      const events = run.map((stored) => stored.event)
      const result = await target.appendEvents({
        aggregateId: first.aggregateId,
        aggregateType: first.aggregateType,
        events,
        expectedVersion: first.aggregateVersion - 1,
      })
      copied += run.length - result.skipped
    }
    position = batch.at(-1)!.globalPosition
    await checkpoint.save(position)
  }
}
