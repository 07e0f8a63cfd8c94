/** Exercise 12-3, a reference solution: a resumable batch migration, verified by counts and a checksum. */
import { createHash } from 'node:crypto'
import type { EventStore, StoredEvent } from 'eventsource-ts'

export interface Checkpoint {
  load(): Promise<number>
  save(position: number): Promise<void>
}

export interface MigrateOptions {
  source: EventStore
  target: EventStore
  checkpoint: Checkpoint
  batchSize: number
}

export interface MigrationReport {
  copied: number
  lastPosition: number
}

export interface LogChecksum {
  count: number
  checksum: string
}

export interface Verification {
  source: LogChecksum
  target: LogChecksum
  matches: boolean
}

// #region migrate
export async function migrate({
  source,
  target,
  checkpoint,
  batchSize,
}: MigrateOptions): Promise<MigrationReport> {
  let position = await checkpoint.load()
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
      const result = await target.appendEvents({
        aggregateId: first.aggregateId,
        aggregateType: first.aggregateType,
        events: run.map((stored) => stored.event),
        expectedVersion: first.aggregateVersion - 1, // the stream as the source had it: a different target stream is a conflict
      })
      copied += run.length - result.skipped // events already there come from a run that crashed before its checkpoint
    }
    position = batch.at(-1)!.globalPosition
    await checkpoint.save(position) // only now is the whole batch in the target
  }
}
// #endregion migrate

export function streamRuns(batch: readonly StoredEvent[]): StoredEvent[][] {
  const runs: StoredEvent[][] = []
  for (const stored of batch) {
    const run = runs.at(-1)
    const first = run?.[0]?.event
    if (
      run &&
      first?.aggregateId === stored.event.aggregateId &&
      first.aggregateType === stored.event.aggregateType
    )
      run.push(stored)
    else runs.push([stored])
  }
  return runs
}

// #region verify
export async function checksum(store: EventStore): Promise<LogChecksum> {
  const hash = createHash('sha256')
  let count = 0
  for await (const stored of store.readAll()) {
    hash.update(`${JSON.stringify(stored.event)}\n`)
    count++
  }
  return { count, checksum: hash.digest('hex') }
}

export async function verifyMigration(
  source: EventStore,
  target: EventStore,
): Promise<Verification> {
  const [sourceSum, targetSum] = [
    await checksum(source),
    await checksum(target),
  ]
  return {
    source: sourceSum,
    target: targetSum,
    matches:
      sourceSum.count === targetSum.count &&
      sourceSum.checksum === targetSum.checksum,
  }
}
// #endregion verify
