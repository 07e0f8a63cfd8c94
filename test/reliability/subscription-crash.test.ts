// Crash recovery of a subscription: the process running it is killed with SIGKILL at random moments, while it
// catches up and while it follows new appends. After each restart it resumes from its checkpoint; at the end
// its read model equals a replay of the log from scratch, no event was skipped, and the events delivered
// again are at most one batch a kill.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SQLiteEventStore, type EventStore } from 'eventsource-ts'
import { NoteCreated, NoteUpdated, notesRegistry } from '../support/notes.ts'
import { writeNotesLog } from '../support/notes-log.ts'
import { bundleChild, startChild } from './support/child-process.ts'
import { randomInt, seed, seededRandom } from './support/random.ts'
import { sized } from './support/soak.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-subscription-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let subscriber: string
beforeAll(async () => {
  subscriber = await bundleChild(
    new URL('./support/crash-subscriber.ts', import.meta.url),
  )
})

const KILLS = sized(8, 20)
/** The log before the first child starts: small enough in `npm test` for some of its few kills to land while live. */
const LOG = sized(1000, 3000)
/** Appends made before each child starts (its backlog to catch up on), and while it runs. */
const BACKLOG = 100
const WHILE_RUNNING = 50
const BATCH_SIZE = 25 // the child's batchSize

interface NoteRow {
  id: string
  title: string | null
  content: string
  version: number
}

/** Appends `count` note events one at a time over ten streams, as commands come in. */
async function appendNotes(
  store: EventStore,
  prefix: string,
  count: number,
  pause: number,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const aggregateId = `${prefix}-${i % 10}`
    const version = await store.getStreamVersion(aggregateId, 'Note')
    const event =
      version === 0
        ? new NoteCreated({ aggregateId, title: prefix, content: 'draft' })
        : new NoteUpdated({
            aggregateId,
            aggregateVersion: version + 1,
            content: `edit ${version}`,
          })
    await store.appendEvents({
      aggregateId,
      aggregateType: 'Note',
      events: [event],
      expectedVersion: version,
    })
    if (pause > 0) await sleep(pause)
  }
}

/** The read model a replay of the whole log from scratch gives. */
async function replay(store: EventStore): Promise<NoteRow[]> {
  const notes = new Map<string, NoteRow>()
  for await (const { event } of store.readAll()) {
    const { title, content } = event as unknown as {
      title?: string
      content: string
    }
    const row = notes.get(event.aggregateId)
    notes.set(event.aggregateId, {
      id: event.aggregateId,
      title: title ?? row?.title ?? null,
      content,
      version: event.aggregateVersion,
    })
  }
  return [...notes.values()].sort((a, b) => a.id.localeCompare(b.id))
}

describe('subscription crash recovery', () => {
  it(`SQLite: ${KILLS} SIGKILLs of the process running a subscription skip nothing, and the read model equals a replay (seed ${seed})`, async () => {
    const random = seededRandom(seed)
    const file = join(dir, 'events.db')
    const viewFile = join(dir, 'view.db')
    await using store = new SQLiteEventStore(file, {
      eventRegistry: notesRegistry,
    })
    await store.initialize()
    await writeNotesLog(store, { total: LOG, streams: 200 })
    let more = 0
    let whileLive = 0
    for (let kill = 0; kill < KILLS; kill++) {
      await appendNotes(store, `backlog-${kill}`, BACKLOG, 0)
      const child = startChild(subscriber, [file, viewFile, `run-${kill}`])
      // New events keep coming while it runs, so kills land both in catching up and in following.
      const appending = appendNotes(store, `live-${kill}`, WHILE_RUNNING, 2)
      await child.waitForLine((line) => line === 'started')
      await sleep(randomInt(random, 0, 150))
      child.kill()
      const exit = await child.exited
      expect(
        exit.signal,
        `kill ${kill}: the child died on its own: ${exit.stderr}`,
      ).toBe('SIGKILL')
      if (child.lines.includes('live')) whileLive++
      await appending
      more += BACKLOG + WHILE_RUNNING
    }
    const drain = startChild(subscriber, [file, viewFile, 'drain', 'drain'])
    const exit = await drain.exited
    expect(exit.code, exit.stderr).toBe(0)
    expect(drain.lines).toContain('drained')

    const head = await store.getGlobalPosition()
    expect(head).toBe(LOG + more)
    const view = new Database(viewFile, { readonly: true })
    try {
      const notes = view
        .prepare('SELECT id, title, content, version FROM notes ORDER BY id')
        .all() as NoteRow[]
      expect(notes).toEqual(await replay(store))
      const counts = view
        .prepare(
          'SELECT position, count(*) AS n FROM deliveries GROUP BY position ORDER BY position',
        )
        .all() as { position: number; n: number }[]
      // Never skipped: every position was delivered.
      expect(counts.map((c) => c.position)).toEqual(
        Array.from({ length: head }, (_, i) => i + 1),
      )
      const redelivered = counts.reduce((sum, c) => sum + c.n - 1, 0)
      console.log(
        `subscription-crash/sqlite (seed ${seed}): ${KILLS} kills (${whileLive} while live), ${head} events; ` +
          `read model equals a replay from scratch; 0 skipped, ${redelivered} redelivered (at most ${BATCH_SIZE} a kill)`,
      )
      expect(redelivered).toBeLessThanOrEqual(KILLS * BATCH_SIZE)
    } finally {
      view.close()
    }
  }, 120_000)
})
