/**
 * Exercise 12-3: a resumable batch migration between two stores, verified by
 * counts and a checksum.
 *
 * The Python original's migration loop appends one event at a time with
 * ExpectedVersion.ANY: it cannot resume after a crash, it silently merges
 * into streams the target already has, and it never checks its work. Write
 * a better one:
 *   - migrate(): copies the source's events after the checkpoint to the
 *     target, `batchSize` at a time, keeping every event's id, stream and
 *     version; saves the checkpoint after each batch is written, so a
 *     re-run continues where a crashed run stopped;
 *   - checksum(): a fingerprint of a store's whole log: its event count
 *     and a SHA-256 of its events, in global order;
 *   - verifyMigration(): compares the source's and target's counts and
 *     checksums.
 *
 * Check your work with `npm run verify 12-3`. Stuck? `npm run hint 12-3`.
 */
import { createHash } from 'node:crypto'
import type { EventStore, StoredEvent } from 'eventsource-ts'

/** How far a migration got: the source position of the last event copied. */
export interface Checkpoint {
  /** The saved position; 0 before the first batch. */
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
  /** Events this run wrote to the target (0 for a finished migration). */
  copied: number
  /** The source's global position the migration reached. */
  lastPosition: number
}

export interface LogChecksum {
  count: number
  /** SHA-256, in hex, of every event in global order. */
  checksum: string
}

export interface Verification {
  source: LogChecksum
  target: LogChecksum
  /** True when both count and checksum are equal. */
  matches: boolean
}

// #region migrate
export async function migrate({
  source,
  target,
  checkpoint,
  batchSize,
}: MigrateOptions): Promise<MigrationReport> {
  // #todo migrate()
  // TODO 1: start from `await checkpoint.load()`, and read the next batch of
  //         at most `batchSize` events with
  //         `source.readAll({ fromPosition, limit: batchSize })`.
  //         fromPosition means "after that position". Stop when a batch
  //         comes back empty.
  // TODO 2: append the batch to the target, one appendEvents call per run
  //         of consecutive events of the same stream (streamRuns() below
  //         finds them: a call holds one stream's events). Expect the
  //         stream at the version before the run's first event
  //         (event.aggregateVersion - 1), so a target whose stream differs
  //         is an OptimisticLockError, not a silent merge. Count what was
  //         written: the result's `skipped` counts the events that were
  //         already there (from a run that crashed before its checkpoint).
  // TODO 3: only once the whole batch is written, save the batch's last
  //         globalPosition as the checkpoint.
  // #answer
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
        // The stream as the source had it: a differing one is a conflict.
        expectedVersion: first.aggregateVersion - 1,
      })
      // Events already there come from a run that died before its checkpoint.
      copied += run.length - result.skipped
    }
    position = batch.at(-1)!.globalPosition
    await checkpoint.save(position) // only now is the whole batch in the target
  }
  // #endtodo
}
// #endregion migrate

/** The runs of consecutive events that belong to one stream, in order. */
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
  // #todo checksum()
  // TODO 4: read the whole log with store.readAll() and feed each event
  //         into createHash('sha256') in a form that covers everything
  //         about it: JSON.stringify(stored.event) has its id, type,
  //         stream, version, time, metadata and payload. Return the count
  //         and the digest in hex.
  // #answer
  const hash = createHash('sha256')
  let count = 0
  for await (const stored of store.readAll()) {
    hash.update(`${JSON.stringify(stored.event)}\n`)
    count++
  }
  return { count, checksum: hash.digest('hex') }
  // #endtodo
}

export async function verifyMigration(
  source: EventStore,
  target: EventStore,
): Promise<Verification> {
  // #todo verifyMigration()
  // TODO 5: compute both checksums and say whether they match.
  // #answer
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
  // #endtodo
}
// #endregion verify
