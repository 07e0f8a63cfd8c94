// Crash atomicity: a child appending multi-event batches is killed with SIGKILL at random moments. After
// every kill the log must be intact: whole batches, no version gaps, every acknowledged append present.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  PostgreSQLEventStore,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'
import { notesRegistry } from '../support/notes.ts'
import { usePostgresDatabase } from '../support/postgres-server.ts'
import { bundleChild, startChild } from './support/child-process.ts'
import { checkCrashLog } from './support/crash-log.ts'
import { randomInt, seed, seededRandom } from './support/random.ts'
import { sized } from './support/soak.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const server = usePostgresDatabase()
let writer: string
beforeAll(async () => {
  writer = await bundleChild(
    new URL('./support/crash-writer.ts', import.meta.url),
  )
})

/** Rounds of trials, each on fresh storage, and the kills of a round: in `npm test` still a few while opening. */
const ROUNDS = sized(3, 5)
const TRIALS = sized(5, 10)
const KILLS = ROUNDS * TRIALS

/** Fresh storage for one round of trials. */
interface CrashStorage {
  backend: string
  location: string
  open(): EventStore
  /** How long a child takes to open the store, and how long to let it append: the windows kills land in. */
  openingMs: number
  appendingMs: number
  /** Backend-specific checks of the storage itself, after each kill. */
  checkStorage?(context: string): void | Promise<void>
}

interface CrashFigures {
  kills: number
  inFlight: number
  whileOpening: number
  acknowledged: number
  events: number
}

/**
 * Kills `rounds x trialsPerRound` children. The children of a round share one storage, so each also
 * recovers from the kill before it; a round keeps its log small enough to check in full after every kill.
 * Most kills land in the append loop, some while the child is still opening the store.
 */
async function crashTrials(
  storageFor: (round: number) => CrashStorage | Promise<CrashStorage>,
  rounds: number,
  trialsPerRound: number,
): Promise<CrashFigures> {
  const random = seededRandom(seed)
  const figures: CrashFigures = {
    kills: 0,
    inFlight: 0,
    whileOpening: 0,
    acknowledged: 0,
    events: 0,
  }
  for (let round = 0; round < rounds; round++) {
    const storage = await storageFor(round)
    const acknowledged = new Set<string>()
    {
      await using setup = storage.open()
      await setup.initialize() // the schema exists before the first kill, which may land while reopening it
    }
    for (let trial = 0; trial < trialsPerRound; trial++) {
      const context = `seed ${seed}, round ${round}, trial ${trial}`
      const child = startChild(writer, [
        storage.backend,
        storage.location,
        `t${trial}`,
      ])
      if (random() < 0.15) {
        await sleep(randomInt(random, 0, storage.openingMs))
      } else {
        // After its first acknowledged append: on a busy machine, a kill soon after 'ready' could land
        // before any append has come back, and the round would then prove nothing about acknowledgements.
        await child.waitForLine((line) => line.startsWith('ack '))
        await sleep(randomInt(random, 0, storage.appendingMs))
      }
      child.kill()
      const exit = await child.exited
      expect(
        exit.signal,
        `${context}: the child died on its own: ${exit.stderr}`,
      ).toBe('SIGKILL')

      figures.kills++
      if (!child.lines.includes('ready')) figures.whileOpening++
      if (child.lines.at(-1)?.startsWith('begin ')) figures.inFlight++
      for (const line of child.lines)
        if (line.startsWith('ack ')) acknowledged.add(line.slice(4))
      await storage.checkStorage?.(context)
      await using store = storage.open()
      await store.initialize()
      const { events } = await checkCrashLog(store, acknowledged, context)
      if (trial === trialsPerRound - 1) figures.events += events
    }
    figures.acknowledged += acknowledged.size
  }
  return figures
}

function report(backend: string, f: CrashFigures): void {
  console.log(
    `crash/${backend}: ${f.kills} kills survived (${f.inFlight} with an append in flight, ${f.whileOpening} while opening); ` +
      `${f.acknowledged} acknowledged batches present, logs of ${f.events} events whole after every kill: 0 lost, 0 partial`,
  )
  expect(f.acknowledged).toBeGreaterThan(0)
  expect(f.inFlight).toBeGreaterThan(0)
}

describe('crash atomicity', () => {
  it(`SQLite (WAL): ${KILLS} SIGKILLs lose no acknowledged append and leave no partial batch (seed ${seed})`, async () => {
    const figures = await crashTrials(
      (round) => {
        const file = join(dir, `crash-${round}.db`)
        return {
          backend: 'sqlite',
          location: file,
          open: () =>
            new SQLiteEventStore(file, { eventRegistry: notesRegistry }),
          openingMs: 120,
          appendingMs: 20,
          checkStorage: (context) => {
            const db = new Database(file)
            try {
              expect(db.pragma('journal_mode', { simple: true }), context).toBe(
                'wal',
              )
              expect(
                db.pragma('integrity_check', { simple: true }),
                `${context}: integrity_check`,
              ).toBe('ok')
            } finally {
              db.close()
            }
          },
        }
      },
      ROUNDS,
      TRIALS,
    )
    report('sqlite', figures)
  }, 120_000)

  it(`PostgreSQL server: ${KILLS} SIGKILLs of the client lose no acknowledged append and leave no partial batch (seed ${seed})`, async () => {
    const admin = new pg.Client({ connectionString: server.url })
    await admin.connect()
    try {
      // amcheck verifies the indexes against the table. The throwaway server has it; a server at DATABASE_URL
      // may not let this user create it, and then only the log itself is checked.
      const amcheck = await admin
        .query('CREATE EXTENSION IF NOT EXISTS amcheck')
        .then(
          () => true,
          () => false,
        )
      if (!amcheck)
        console.log(
          'crash/postgresql: amcheck is not available on this server; index checks skipped',
        )
      const figures = await crashTrials(
        async () => {
          await admin.query('DROP TABLE IF EXISTS events')
          return {
            backend: 'postgres',
            location: server.url,
            open: () =>
              new PostgreSQLEventStore({
                connectionString: server.url,
                eventRegistry: notesRegistry,
              }),
            openingMs: 250,
            appendingMs: 40,
            checkStorage: async (context) => {
              // The server rolls back a killed client's open transaction; then the indexes must match the table.
              await waitForNoOpenTransaction(admin, context)
              if (!amcheck) return
              const { rows } = await admin.query(
                `SELECT bt_index_check(indexrelid, true) FROM pg_index WHERE indrelid = 'events'::regclass`,
              )
              expect(rows.length, context).toBe(3)
            },
          }
        },
        ROUNDS,
        TRIALS,
      )
      report('postgresql', figures)
    } finally {
      await admin.end()
    }
  }, 120_000)
})

async function waitForNoOpenTransaction(
  admin: pg.Client,
  context: string,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const { rows } = await admin.query(
      `SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
    )
    if (rows[0].open === 0) return
    if (attempt === 500)
      throw new Error(
        `${context}: a killed client's transaction is still open after 5 s`,
      )
    await sleep(10)
  }
}
