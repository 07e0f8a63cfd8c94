// `npm run bench`: every workload in one run, our stores side by side with the raw-driver floor, then the
// migration, memory, the import cost of the build and cold start; `npm run bench -- --peers` adds Emmett's
// SQLite store after the SQLite figures. Writes RESULTS.md and results.json beside this file.
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
const report = new Report()
console.log(`Benchmarks on ${report.machine}`)

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

const postgres: PostgresBackend[] = [await pgliteBackend()]
try {
  postgres.push(await serverBackend())
} catch (error) {
  report.note(
    `PostgreSQL server part skipped: no server could start (${error instanceof Error ? error.message : String(error)}). Install PostgreSQL, or set DATABASE_URL.`,
  )
}
try {
  for (const backend of postgres) {
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
  await measureMigration(report, postgres)
} finally {
  for (const backend of postgres) await backend.dispose()
}

await measureReadAllMemory(report)
measureImportCost(report)
measureColdStart(report)

report.write(
  fileURLToPath(new URL('RESULTS.md', import.meta.url)),
  fileURLToPath(new URL('results.json', import.meta.url)),
)
