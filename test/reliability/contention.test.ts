// Contention: many writers append to the same hot streams at once, retrying on conflict. Afterwards every
// append is stored exactly once and every stream's versions run 1..n.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  PostgreSQLEventStore,
  SQLiteEventStore,
  type EventStore,
} from 'eventsource-ts'
import { notesRegistry } from '../support/notes.ts'
import { usePostgresDatabase } from '../support/postgres-server.ts'
import { bundleChild, startChild } from './support/child-process.ts'
import { writeHotStreams, type HotWriterReport } from './support/hot-writer.ts'
import { seed } from './support/random.ts'
import { sized } from './support/soak.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-contention-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const server = usePostgresDatabase()
let writer: string
beforeAll(async () => {
  writer = await bundleChild(
    new URL('./support/contention-writer.ts', import.meta.url),
  )
})

const STREAMS = 20
/** Appends a writer makes: enough in `npm test` for dozens of conflicts on SQLite and hundreds on the server. */
const APPENDS = sized(400, 2000)

/** Checks what the writers left: every append once, every stream's versions 1..n. */
async function checkLog(
  backend: string,
  store: EventStore,
  reports: HotWriterReport[],
): Promise<void> {
  const seen = new Map<string, number>()
  const streams = new Map<string, number[]>()
  for await (const { event } of store.readAll()) {
    const content = (event as unknown as { content: string }).content
    seen.set(content, (seen.get(content) ?? 0) + 1)
    streams.set(event.aggregateId, [
      ...(streams.get(event.aggregateId) ?? []),
      event.aggregateVersion,
    ])
  }
  const expected = reports.flatMap((r) =>
    Array.from({ length: r.appends }, (_, i) => `${r.writer}:${i}`),
  )
  const lost = expected.filter((content) => !seen.has(content))
  const doubled = [...seen]
    .filter(([, count]) => count > 1)
    .map(([content]) => content)
  expect(lost, 'appends lost').toEqual([])
  expect(doubled, 'appends stored twice').toEqual([])
  expect(seen.size).toBe(expected.length)
  expect(streams.size).toBe(STREAMS)
  for (const [stream, versions] of streams)
    expect(versions, `versions of ${stream}`).toEqual(
      versions.map((_, i) => i + 1),
    )

  const conflicts = reports.reduce((sum, r) => sum + r.conflicts, 0)
  const busy = reports.reduce((sum, r) => sum + r.busy, 0)
  console.log(
    `contention/${backend} (seed ${seed}): ${reports.length} writers x ${APPENDS} appends = ${expected.length} over ${STREAMS} hot streams; ` +
      `${conflicts} conflicts and ${busy} busy timeouts, ${conflicts + busy} retries; 0 lost, 0 doubled`,
  )
  expect(conflicts).toBeGreaterThan(0)
}

describe('contention', () => {
  it(`SQLite: 4 processes x ${APPENDS.toLocaleString('en')} appends over 20 hot streams of one WAL file (seed ${seed})`, async () => {
    const file = join(dir, 'contention.db')
    await using store = new SQLiteEventStore(file, {
      eventRegistry: notesRegistry,
    })
    await store.initialize()
    const children = Array.from({ length: 4 }, (_, w) =>
      startChild(writer, [
        'sqlite',
        file,
        `w${w}`,
        String(APPENDS),
        String(STREAMS),
        String(seed + w),
      ]),
    )
    for (const child of children)
      await child.waitForLine((line) => line === 'ready')
    for (const child of children) child.send('go')
    const reports: HotWriterReport[] = []
    for (const child of children) {
      const exit = await child.exited
      expect(exit.code, exit.stderr).toBe(0)
      reports.push(JSON.parse(child.lines.at(-1)!) as HotWriterReport)
    }
    await checkLog('sqlite', store, reports)
  }, 120_000)

  it(`PostgreSQL server: 8 connections x ${APPENDS.toLocaleString('en')} appends over 20 hot streams (seed ${seed})`, async () => {
    // One store a connection, all in this process: the server does the concurrent work.
    const stores = Array.from(
      { length: 8 },
      () =>
        new PostgreSQLEventStore({
          connectionString: server.url,
          eventRegistry: notesRegistry,
        }),
    )
    try {
      for (const store of stores) await store.initialize()
      const reports = await Promise.all(
        stores.map((store, w) =>
          writeHotStreams(store, `c${w}`, APPENDS, STREAMS, seed + w),
        ),
      )
      await checkLog('postgresql', stores[0]!, reports)
    } finally {
      for (const store of stores) await store.close()
    }
  }, 120_000)
})
