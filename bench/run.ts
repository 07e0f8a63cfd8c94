// `npm run bench`: every workload in one run, our stores side by side with the raw-driver floor, then memory
// and cold start; `npm run bench -- --peers` adds Emmett's SQLite store. Writes RESULTS.md and results.json.
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { FLOOR, inMemory, OURS, sqliteFile, sqliteMemory, workDir, type Backend } from './lib/backends.ts'
import { measureColdStart } from './lib/cold-start.ts'
import { measureReadAllMemory } from './lib/memory.ts'
import { measurePeers } from './lib/peers.ts'
import { Report } from './lib/report.ts'
import { runWorkloads } from './lib/workloads.ts'

const peers = process.argv.includes('--peers')
const report = new Report()
console.log(`Benchmarks on ${report.machine}`)

try {
  const sqliteWal = sqliteFile({ walMode: true, synchronous: 'NORMAL' })
  const backends: Backend[] = [sqliteWal, sqliteMemory(), inMemory()]
  for (const backend of backends) {
    report.addWorkloads(backend.name, backend.durability, await runWorkloads(backend.contenders), [[OURS, FLOOR]])
  }
  report.expectRatio(sqliteWal.name, 'append-1', [OURS, FLOOR], 0.7)
  report.expectRatio(sqliteWal.name, 'append-100', [OURS, FLOOR], 0.7)
  report.expectRatio(sqliteWal.name, 'get-events', [OURS, FLOOR], 0.5)
  report.expectRatio(sqliteWal.name, 'read-all', [OURS, FLOOR], 0.5)

  await measureReadAllMemory(report)
  measureColdStart(report)
  if (peers) await measurePeers(report)
  else report.note('Peers not measured: run `npm run bench -- --peers` to add Emmett’s SQLite store.')

  report.write(fileURLToPath(new URL('RESULTS.md', import.meta.url)), fileURLToPath(new URL('results.json', import.meta.url)))
} finally {
  rmSync(workDir, { recursive: true, force: true })
}
