// Contention: several processes append to the same hot streams at once, retrying on conflict. Afterwards
// every append is stored exactly once and every stream's versions run 1..n.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SQLiteEventStore, type EventStore } from 'eventsource-ts'
import { notesRegistry } from '../support/notes.ts'
import { bundleChild, startChild } from './support/child-process.ts'
import { seed } from './support/random.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-contention-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let writer: string
beforeAll(async () => {
  writer = await bundleChild(new URL('./support/contention-writer.ts', import.meta.url))
})

const STREAMS = 20

interface WriterReport {
  writer: string
  appends: number
  conflicts: number
  busy: number
}

/** Runs `writers` contention-writer children at once against one store and checks what they left. */
async function contend(backend: string, location: string, store: EventStore, writers: number, appends: number) {
  const children = Array.from({ length: writers }, (_, w) => startChild(writer, [backend, location, `w${w}`, String(appends), String(STREAMS), String(seed + w)]))
  for (const child of children) await child.waitForLine((line) => line === 'ready')
  for (const child of children) child.send('go')
  const reports: WriterReport[] = []
  for (const child of children) {
    const exit = await child.exited
    expect(exit.code, exit.stderr).toBe(0)
    reports.push(JSON.parse(child.lines.at(-1)!) as WriterReport)
  }

  const seen = new Map<string, number>()
  const streams = new Map<string, number[]>()
  for await (const { event } of store.readAll()) {
    const content = (event as unknown as { content: string }).content
    seen.set(content, (seen.get(content) ?? 0) + 1)
    streams.set(event.aggregateId, [...(streams.get(event.aggregateId) ?? []), event.aggregateVersion])
  }
  const expected = reports.flatMap((r) => Array.from({ length: r.appends }, (_, i) => `${r.writer}:${i}`))
  const lost = expected.filter((content) => !seen.has(content))
  const doubled = [...seen].filter(([, count]) => count > 1).map(([content]) => content)
  expect(lost, 'appends lost').toEqual([])
  expect(doubled, 'appends stored twice').toEqual([])
  expect(seen.size).toBe(writers * appends)
  expect(streams.size).toBe(STREAMS)
  for (const [stream, versions] of streams) expect(versions, `versions of ${stream}`).toEqual(versions.map((_, i) => i + 1))

  const conflicts = reports.reduce((sum, r) => sum + r.conflicts, 0)
  const busy = reports.reduce((sum, r) => sum + r.busy, 0)
  console.log(
    `contention/${backend} (seed ${seed}): ${writers} writers x ${appends} appends = ${writers * appends} over ${STREAMS} hot streams; ` +
      `${conflicts} conflicts and ${busy} busy timeouts, ${conflicts + busy} retries; 0 lost, 0 doubled`,
  )
}

describe('contention', () => {
  it(`SQLite: 4 processes x 2,000 appends over 20 hot streams of one WAL file (seed ${seed})`, async () => {
    const file = join(dir, 'contention.db')
    await using store = new SQLiteEventStore(file, { eventRegistry: notesRegistry })
    await store.initialize()
    await contend('sqlite', file, store, 4, 2000)
  }, 120_000)
})
