// `npm run bench`: every workload in one run, our stores side by side with the raw-driver floor, then the
// migration, event processing, memory, the import cost of the build and cold start, and last the soak: the
// reliability tests (test/reliability) at the full size that `npm test` skips to stay under about 5 minutes.
// `npm run bench -- --peers` adds Emmett's SQLite store after the in-memory figures. Writes RESULTS.md and
// results.json beside this file; exits with 1 if the soak failed. `npm run bench -- --only <groups>` runs some
// groups, comma-separated (sqlite, in-memory, peers, postgresql, migration, processing, memory, import-cost,
// cold-start, soak), and writes results.json for what it ran.
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
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
import { rate, Report } from './lib/report.ts'
import { measureSoak } from './lib/soak.ts'
import { runWorkloads } from './lib/workloads.ts'
import { measureWriters } from './lib/writers.ts'

// Stopped with Ctrl-C, the run still stops its PostgreSQL server and removes its files (on 'exit').
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.on(signal, () => process.exit(code))

const GROUPS = [
  'sqlite',
  'in-memory',
  'peers',
  'postgresql',
  'migration',
  'processing',
  'memory',
  'import-cost',
  'cold-start',
  'soak',
] as const
type Group = (typeof GROUPS)[number]
const USAGE = 'npm run bench -- [--peers] [--only <group>,<group>...]'
// parseArgs takes `--only a,b` and `--only=a,b`, and refuses an option it does not know instead of running
// everything.
const options = (() => {
  try {
    return parseArgs({
      options: { only: { type: 'string' }, peers: { type: 'boolean' } },
    }).values
  } catch (error) {
    console.error(`${(error as Error).message}. Usage: ${USAGE}`)
    process.exit(2)
  }
})()
const only = options.only?.split(',')
const unknown = only?.filter((group) => !GROUPS.includes(group as Group))
if (unknown?.length) {
  console.error(
    `Unknown bench group ${unknown.join(', ')}: choose among ${GROUPS.join(', ')}.`,
  )
  process.exit(2)
}
const peers = options.peers === true
const runs = (group: Group) =>
  only === undefined ? group !== 'peers' || peers : only.includes(group)
const report = new Report()
console.log(`Benchmarks on ${report.machine}`)

if (runs('sqlite')) {
  const sqliteWal = sqliteFile({ walMode: true, synchronous: 'NORMAL' })
  const sqliteInMemory = sqliteMemory()
  for (const backend of [sqliteWal, sqliteInMemory]) {
    report.addWorkloads(
      backend.name,
      backend.durability,
      await runWorkloads(backend.contenders),
      [[OURS, FLOOR]],
    )
  }
  report.expectRatio(sqliteWal.name, 'append-1', [OURS, FLOOR], 0.7)
  report.expectRatio(sqliteWal.name, 'append-100', [OURS, FLOOR], 0.7)
  for (const backend of [sqliteWal, sqliteInMemory])
    for (const workload of ['get-events', 'load', 'read-all'] as const)
      report.expectRatio(backend.name, workload, [OURS, FLOOR], 0.8)
}

if (runs('in-memory')) {
  const memory = inMemory()
  const results = await runWorkloads(memory.contenders)
  report.addWorkloads(memory.name, memory.durability, results, [[OURS, FLOOR]])
  for (const { workload } of results)
    report.expectRatio(memory.name, workload, [OURS, FLOOR], 0.5)
  const readAll = results.find((r) => r.workload === 'read-all')?.samples[OURS]
  if (readAll)
    report.expect({
      what: `${memory.name}: readAll, ${OURS} events/s (median)`,
      measured: rate(readAll.median),
      goal: '≥ 1,000,000',
      met: readAll.median >= 1_000_000,
    })
}

if (runs('peers')) await measurePeers(report)
else if (runs('sqlite'))
  report.note(
    'Peers not measured: run `npm run bench -- --peers` to add Emmett’s SQLite store.',
  )

const postgres: PostgresBackend[] = []
if (runs('postgresql') || runs('migration') || runs('processing')) {
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
    const { freshSchema } = backend
    if (freshSchema) await measureWriters(report, { ...backend, freshSchema })
  }
  if (runs('migration')) await measureMigration(report, postgres)
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
if (runs('cold-start')) await measureColdStart(report)
if (runs('soak')) await measureSoak(report)

// RESULTS.md always holds a whole run; results.json holds the last run, whole or not.
report.write(
  only === undefined
    ? fileURLToPath(new URL('RESULTS.md', import.meta.url))
    : undefined,
  fileURLToPath(new URL('results.json', import.meta.url)),
  only ?? GROUPS.filter(runs),
)
