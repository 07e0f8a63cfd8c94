// Migrating a SQLite file of 100,000 events to PostgreSQL (PGlite, and a real server), side by side:
// - the Python original's naive loop (one append a event, ExpectedVersion.ANY) against migrateEvents;
// - migrateEvents killed with SIGKILL midway in a child process, then run again to finish.
// `npx tsx --conditions=eventsource-ts:source bench/postgresql/migration.ts [events]` (default 100000).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import {
  ExpectedVersion,
  migrateEvents,
  SQLiteEventStore,
  type EventStore,
  type MigrationReport,
} from 'eventsource-ts'
import { notesRegistry } from '../../test/support/notes.ts'
import { FROM_SOURCE } from '../../tools/source-condition.ts'
import { writeNotesLog } from '../../test/support/notes-log.ts'
import { postgresTargets } from './targets.ts'

const TOTAL = Number(process.argv[2] ?? 100_000)
const BATCH = 1000

/** The Python original's "first try": one append a event, no expected version, no resume, no check. */
async function naiveLoop(
  source: EventStore,
  target: EventStore,
): Promise<number> {
  let count = 0
  for await (const stored of source.readAll()) {
    const event = stored.event
    await target.appendEvents({
      aggregateId: event.aggregateId,
      aggregateType: event.aggregateType,
      events: [event],
      expectedVersion: ExpectedVersion.ANY,
    })
    count++
  }
  return count
}

async function timed<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number }> {
  const start = performance.now()
  const result = await work()
  return { result, seconds: (performance.now() - start) / 1000 }
}

/** Runs migrate-child.ts and kills it with SIGKILL once it reports `killAt` events copied. */
async function killMidway(
  sourcePath: string,
  childTarget: string,
  env: Record<string, string>,
  killAt: number,
): Promise<number> {
  const script = new URL(
    '../../test/migration/migrate-child.ts',
    import.meta.url,
  ).pathname
  const child = spawn(
    process.execPath,
    [...FROM_SOURCE, script, sourcePath, childTarget, String(BATCH)],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const exited = new Promise((resolve) =>
    child.on('close', (_, signal) => resolve(signal)),
  )
  let reported = 0
  for await (const line of createInterface({ input: child.stdout })) {
    const progress = JSON.parse(line) as { copied?: number; done?: boolean }
    if (progress.done)
      throw new Error(
        'the child finished before it could be killed: use more events',
      )
    reported = progress.copied ?? 0
    if (reported >= killAt) {
      child.kill('SIGKILL')
      break
    }
  }
  if ((await exited) !== 'SIGKILL') throw new Error('the child was not killed')
  return reported
}

const eventsPerSecond = (events: number, seconds: number) =>
  Math.round(events / seconds).toLocaleString('en')
const targets = await postgresTargets()
try {
  const sourcePath = join(targets.workDir, 'source.db')
  const source = new SQLiteEventStore(sourcePath, {
    eventRegistry: notesRegistry,
  })
  await source.initialize()
  await writeNotesLog(source, { total: TOTAL })
  console.log(
    `Source: a SQLite file of ${TOTAL.toLocaleString('en')} events in ${Math.ceil(TOTAL / 10).toLocaleString('en')} streams; migrateEvents batchSize ${BATCH}.\n`,
  )

  const rows: string[] = []
  for (const target of targets.list) {
    const naiveTarget = await target.fresh()
    const naive = await timed(() => naiveLoop(source, naiveTarget.store))
    await naiveTarget.store.close()

    const migrateTarget = await target.fresh()
    const migration = await timed(() =>
      migrateEvents({ source, target: migrateTarget.store, batchSize: BATCH }),
    )
    const rerun = await timed(() =>
      migrateEvents({ source, target: migrateTarget.store, batchSize: BATCH }),
    )
    await migrateTarget.store.close()

    const killTarget = await target.fresh()
    await killTarget.store.close()
    const copiedBeforeKill = await killMidway(
      sourcePath,
      killTarget.childTarget,
      killTarget.env,
      TOTAL / 2,
    )
    const reopened = await killTarget.reopen()
    const resumed: { result: MigrationReport; seconds: number } = await timed(
      () => migrateEvents({ source, target: reopened, batchSize: BATCH }),
    )
    await reopened.close()

    const check = (report: MigrationReport) =>
      `${report.verified ? 'verified' : 'NOT VERIFIED'} (copied ${report.copied}, skipped ${report.skipped})`
    rows.push(
      `| ${target.name} | naive loop | ${eventsPerSecond(naive.result, naive.seconds)} | ${naive.seconds.toFixed(1)} s | ${naive.result} appended, no check |`,
      `| | migrateEvents | ${eventsPerSecond(migration.result.copied, migration.seconds)} | ${migration.seconds.toFixed(1)} s | ${check(migration.result)} |`,
      `| | re-run after it finished | | ${rerun.seconds.toFixed(1)} s | ${check(rerun.result)} |`,
      `| | killed (SIGKILL) after ${copiedBeforeKill} reported, re-run | | ${resumed.seconds.toFixed(1)} s | ${check(resumed.result)}; ${resumed.result.copied + resumed.result.skipped === TOTAL ? 'nothing missing or doubled' : 'COUNTS DIFFER'} |`,
    )
    console.log(rows.slice(-4).join('\n'))
  }
  await source.close()
  console.log(
    '\n| target | run | events/s | time | result |\n| --- | --- | ---: | ---: | --- |',
  )
  console.log(rows.join('\n'))
} finally {
  targets.dispose()
}
