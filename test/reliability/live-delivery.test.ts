// Live delivery under load: writers append while a subscription catches up, and again once it follows. Afterwards
// the projection has every event exactly once, in global order, and each writer's events in the order it wrote them.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  PostgreSQLCheckpointRepository,
  PostgreSQLEventStore,
  SQLiteCheckpointRepository,
  SQLiteEventStore,
  SubscriptionManager,
  type CheckpointRepository,
  type EventStore,
  type StoredEvent,
} from 'eventsource-ts'
import { notesRegistry } from '../support/notes.ts'
import { writeNotesLog } from '../support/notes-log.ts'
import { usePostgresDatabase } from '../support/postgres-server.ts'
import { bundleChild, startChild } from './support/child-process.ts'
import { writeHotStreams } from './support/hot-writer.ts'
import { seed } from './support/random.ts'
import { sized } from './support/soak.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-live-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const server = usePostgresDatabase()
let writer: string
beforeAll(async () => {
  writer = await bundleChild(
    new URL('./support/live-writer.ts', import.meta.url),
  )
})

/** Events in the log before the subscription starts, so it has something to catch up on. */
const HISTORY = sized(500, 2000)
const STREAMS = 10

interface Delivery {
  position: number
  content: string
  live: boolean
}

/** A subscription over `store` that records each delivery, and whether it came once the subscription was live. */
function follow(store: EventStore, checkpoints: CheckpointRepository) {
  const deliveries: Delivery[] = []
  const subscriptions = new SubscriptionManager({
    eventStore: store,
    checkpointRepository: checkpoints,
  })
  subscriptions.subscribe(
    {
      name: 'follower',
      handle: ({ event, globalPosition }: StoredEvent) =>
        void deliveries.push({
          position: globalPosition,
          content: (event as unknown as { content: string }).content,
          live: subscriptions.status('follower').state === 'live',
        }),
    },
    { batchSize: 50 },
  )
  return { subscriptions, deliveries }
}

/** The names each writer's two waves write under. */
const waves = (names: string[]) =>
  names.flatMap((name) => [`${name}a`, `${name}b`])

async function check(
  backend: string,
  store: EventStore,
  deliveries: Delivery[],
  writers: string[],
  appends: number,
): Promise<void> {
  const log: number[] = []
  for await (const { globalPosition } of store.readAll())
    log.push(globalPosition)
  expect(log).toHaveLength(HISTORY + writers.length * appends)
  // Every event once, in global order: the deliveries are the log itself.
  expect(deliveries.map((d) => d.position)).toEqual(log)
  for (const name of writers) {
    const own = deliveries
      .filter((d) => d.content.startsWith(`${name}:`))
      .map((d) => Number(d.content.split(':')[1]))
    expect(own, `${name}'s appends, in its order`).toEqual(
      Array.from({ length: appends }, (_, i) => i),
    )
  }
  const live = deliveries.filter((d) => d.live).length
  console.log(
    `live-delivery/${backend} (seed ${seed}): ${deliveries.length} events delivered exactly once, in order ` +
      `(${HISTORY} before the start; ${writers.length / 2} writers x ${appends} appends while it caught up, as many once live; ` +
      `${deliveries.length - live} delivered while catching up, ${live} live)`,
  )
  // The second wave of every writer began once the subscription was live.
  expect(live).toBeGreaterThanOrEqual((writers.length / 2) * appends)
  expect(deliveries.length - live).toBeGreaterThanOrEqual(HISTORY)
}

describe('live delivery under load', () => {
  it(`SQLite: 3 writer processes on one WAL file while a subscription catches up and follows (seed ${seed})`, async () => {
    const file = join(dir, 'live.db')
    await using store = new SQLiteEventStore(file, {
      eventRegistry: notesRegistry,
    })
    await store.initialize()
    await writeNotesLog(store, { total: HISTORY })
    const appends = sized(100, 300)
    const names = ['w0', 'w1', 'w2']
    const children = names.map((name, w) =>
      startChild(writer, [
        'sqlite',
        file,
        name,
        String(appends),
        String(STREAMS),
        String(seed + w),
      ]),
    )
    for (const child of children)
      await child.waitForLine((line) => line === 'ready')
    const { subscriptions, deliveries } = follow(
      store,
      new SQLiteCheckpointRepository(store),
    )
    for (const child of children) child.send('go')
    await subscriptions.start()
    for (const child of children) child.send('go')
    for (const child of children) {
      const exit = await child.exited
      expect(exit.code, exit.stderr).toBe(0)
    }
    await subscriptions.waitForPosition()
    await subscriptions.stop()
    await check('sqlite', store, deliveries, waves(names), appends)
  }, 60_000)

  it(`PostgreSQL server: 8 connections append while a subscription catches up and follows (seed ${seed})`, async () => {
    const open = () =>
      new PostgreSQLEventStore({
        connectionString: server.url,
        eventRegistry: notesRegistry,
      })
    await using store = open()
    await store.initialize()
    await writeNotesLog(store, { total: HISTORY })
    const writers = Array.from({ length: 8 }, open)
    const appends = sized(40, 100)
    const names = writers.map((_, w) => `c${w}`)
    try {
      for (const other of writers) await other.initialize()
      const { subscriptions, deliveries } = follow(
        store,
        new PostgreSQLCheckpointRepository(store),
      )
      const wave = (suffix: string) =>
        Promise.all(
          writers.map((other, w) =>
            writeHotStreams(
              other,
              `${names[w]}${suffix}`,
              appends,
              STREAMS,
              seed + w,
            ),
          ),
        )
      const first = wave('a')
      await subscriptions.start()
      await first
      await wave('b')
      await subscriptions.waitForPosition()
      await subscriptions.stop()
      await check('postgresql', store, deliveries, waves(names), appends)
    } finally {
      for (const other of writers) await other.close()
    }
  }, 60_000)
})
