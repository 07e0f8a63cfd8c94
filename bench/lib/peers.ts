import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { FLOOR, freshFile, OURS, sqliteFile } from './backends.ts'
import type { Report } from './report.ts'
import { runWorkloads, type WorkloadName } from './workloads.ts'

const PEERS_DIR = fileURLToPath(new URL('../peers/', import.meta.url))
const EMMETT_DEFAULT = 'Emmett (default)'
const EMMETT_ONE_CONNECTION = 'Emmett (one connection)'
const TITLE = 'Peers: Emmett SQLite store, SQLite file'
/** What Emmett's store does too; it has no repository of its own to save through. */
const SHARED_WORKLOADS: WorkloadName[] = [
  'append-1',
  'append-100',
  'get-events',
  'load',
  'read-all',
]

/**
 * Our store against Emmett's SQLite event store (@event-driven-io/emmett-sqlite), at Emmett's settings:
 * WAL, which it sets on every connection, and SQLite's default `synchronous`, FULL, which it leaves.
 */
export async function measurePeers(report: Report): Promise<void> {
  installPeers()
  const { emmettSubject, emmettDurability, isBusyError } =
    await import('../peers/emmett.ts')
  const probe = freshFile('emmett-probe')
  const emmettSettings = await emmettDurability(probe.path)
  probe.remove()
  const ours = sqliteFile({ walMode: true, synchronous: 'FULL' })
  let retries = 0
  const emmett = (setup: 'default' | 'one connection') => async () => {
    const { path, remove } = freshFile('emmett')
    return emmettSubject(path, setup, remove, () => retries++)
  }
  // Emmett prints every transaction it rolls back; the retried ones are counted instead.
  const log = console.log
  console.log = (...args: unknown[]) =>
    void (args.length === 1 && isBusyError(args[0]) ? undefined : log(...args))
  const results = await runWorkloads(
    {
      ...ours.contenders,
      [EMMETT_DEFAULT]: emmett('default'),
      [EMMETT_ONE_CONNECTION]: emmett('one connection'),
    },
    SHARED_WORKLOADS,
  ).finally(() => (console.log = log))
  report.addWorkloads(
    TITLE,
    `ours and the floor ${ours.durability}; Emmett ${emmettSettings}, read back from its connection`,
    results,
    [
      [OURS, FLOOR],
      [OURS, EMMETT_DEFAULT],
      [OURS, EMMETT_ONE_CONNECTION],
    ],
  )
  if (retries > 0) {
    report.note(
      `Emmett: ${retries} appends failed with SQLITE_BUSY and were retried (its timed figures include them). Each new connection runs ` +
        '`PRAGMA journal_mode = WAL` without waiting for it, so a commit can meet it still running; the default setup opens a connection per call.',
    )
  }
  report.expectRatio(TITLE, 'append-1', [OURS, EMMETT_DEFAULT], 10)
  report.expectRatio(TITLE, 'append-1', [OURS, EMMETT_ONE_CONNECTION], 3)
  for (const workload of SHARED_WORKLOADS.slice(1)) {
    report.expectRatio(TITLE, workload, [OURS, EMMETT_DEFAULT], 1)
    report.expectRatio(TITLE, workload, [OURS, EMMETT_ONE_CONNECTION], 1)
  }
}

/** The peers live in bench/peers with their own lockfile, installed the first time they are asked for. */
function installPeers(): void {
  if (existsSync(`${PEERS_DIR}node_modules/@event-driven-io/emmett-sqlite`))
    return
  console.log(
    '\nInstalling the peers in bench/peers (npm ci; the sqlite3 driver builds from source, about a minute)…',
  )
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: PEERS_DIR,
    stdio: 'inherit',
  })
}
