// `npm run bench`: every workload in one run, our stores side by side with the raw-driver floor, then the
// migration, event processing, memory, the import cost of the build and cold start; `npm run bench -- --peers`
// adds Emmett's SQLite store after the SQLite figures. Writes RESULTS.md and results.json beside this file.
// `npm run bench -- --only=<section>` (sqlite, postgresql, processing, memory, import-cost, cold-start) runs
// one section and only prints it: the files always hold a whole run.
import { fileURLToPath } from 'node:url'
import {
  FLOOR,
  inMemory,
  OURS,
  sqliteFile,
  sqliteMemory,
} from './lib/backends.ts'
import { measureColdStart } from './lib/cold-start.ts'
import { measureImportCost } from './lib/import-cost.ts'
import { measureReadAllMemory } from './lib/memory.ts'
import { measureMigration } from './lib/migration.ts'
import { measurePeers } from './lib/peers.ts'
import {
  measureProcessing,
  postgresProcessing,
  sqliteProcessing,
} from './lib/processing.ts'
import {
  FLOOR_TRANSACTION,
  ONLY_APPENDS,
  pgliteBackend,
  serverBackend,
  type PostgresBackend,
} from './lib/postgres.ts'
import { Report } from './lib/report.ts'
import { runWorkloads } from './lib/workloads.ts'

// Stopped with Ctrl-C, the run still stops its PostgreSQL server and removes its files (on 'exit').
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.on(signal, () => process.exit(code))

const peers = process.argv.includes('--peers')
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
const runs = (section: string) => only === undefined || only === section
const report = new Report()
console.log(`Benchmarks on ${report.machine}`)

if (runs('sqlite')) {
  const sqliteWal = sqliteFile({ walMode: true, synchronous: 'NORMAL' })
  for (const backend of [sqliteWal, sqliteMemory(), inMemory()]) {
    report.addWorkloads(
      backend.name,
      backend.durability,
      await runWorkloads(backend.contenders),
      [[OURS, FLOOR]],
    )
  }
  report.expectRatio(sqliteWal.name, 'append-1', [OURS, FLOOR], 0.7)
  report.expectRatio(sqliteWal.name, 'append-100', [OURS, FLOOR], 0.7)
  report.expectRatio(sqliteWal.name, 'get-events', [OURS, FLOOR], 0.5)
  report.expectRatio(sqliteWal.name, 'read-all', [OURS, FLOOR], 0.5)
  if (peers) await measurePeers(report)
  else
    report.note(
      'Peers not measured: run `npm run bench -- --peers` to add Emmett’s SQLite store.',
    )
}

const postgres: PostgresBackend[] = []
if (runs('postgresql') || runs('processing')) {
  postgres.push(await pgliteBackend())
  try {
    postgres.push(await serverBackend())
  } catch (error) {
    report.note(
      `PostgreSQL server part skipped: no server could start (${error instanceof Error ? error.message : String(error)}). Install PostgreSQL, or set DATABASE_URL.`,
    )
  }
}
try {
  for (const backend of runs('postgresql') ? postgres : []) {
    report.addWorkloads(
      backend.name,
      backend.durability,
      await runWorkloads(backend.contenders, undefined, ONLY_APPENDS),
      [
        [OURS, FLOOR],
        [OURS, FLOOR_TRANSACTION],
      ],
    )
    report.expectRatio(backend.name, 'append-1', [OURS, FLOOR], 0.8)
    report.expectRatio(backend.name, 'append-100', [OURS, FLOOR_TRANSACTION], 3)
  }
  if (runs('postgresql')) await measureMigration(report, postgres)
  if (runs('processing'))
    await measureProcessing(report, [
      sqliteProcessing(),
      ...postgres.map(postgresProcessing),
    ])
} finally {
  for (const backend of postgres) await backend.dispose()
}

if (runs('memory')) await measureReadAllMemory(report)
if (runs('import-cost')) measureImportCost(report)
if (runs('cold-start')) measureColdStart(report)

if (only === undefined)
  report.write(
    fileURLToPath(new URL('RESULTS.md', import.meta.url)),
    fileURLToPath(new URL('results.json', import.meta.url)),
  )
else report.printTargets()
