// Appends of 1 and of 100 events on PGlite and on a real PostgreSQL server, side by side (SQLite WAL file as
// a yardstick). `npx tsx --conditions=eventsource-ts:source bench/postgresql/appends.ts`
import { join } from 'node:path'
import { SQLiteEventStore, type EventStore } from 'eventsource-ts'
import {
  NoteCreated,
  NoteUpdated,
  notesRegistry,
} from '../../test/support/notes.ts'
import { postgresTargets } from './targets.ts'

const STREAMS = 100

/** Events per second of `appends` appends of `eventsPerAppend` events each, spread over 100 streams. */
async function measure(
  store: EventStore,
  eventsPerAppend: number,
  appends: number,
): Promise<number> {
  // Events are built (and validated) before the clock starts: only the store's work is timed.
  const versions = new Array<number>(STREAMS).fill(0)
  const inputs = Array.from({ length: appends }, (_, i) => {
    const stream = i % STREAMS
    const aggregateId = `bench-${stream}`
    const expectedVersion = versions[stream]!
    versions[stream]! += eventsPerAppend
    const events = Array.from({ length: eventsPerAppend }, (_, k) =>
      expectedVersion + k === 0
        ? new NoteCreated({ aggregateId, title: 'Bench', content: 'first' })
        : new NoteUpdated({
            aggregateId,
            content: `revision ${expectedVersion + k + 1}`,
          }),
    )
    return { aggregateId, aggregateType: 'Note', events, expectedVersion }
  })
  const start = performance.now()
  for (const input of inputs) await store.appendEvents(input)
  return (appends * eventsPerAppend) / ((performance.now() - start) / 1000)
}

const targets = await postgresTargets()
try {
  const rows: string[][] = []
  let files = 0
  const sqlite = {
    name: 'SQLite file (WAL, synchronous=NORMAL)',
    fresh: async () => {
      const store = new SQLiteEventStore(
        join(targets.workDir, `sqlite-${++files}.db`),
        { eventRegistry: notesRegistry },
      )
      await store.initialize()
      return { store }
    },
  }
  for (const target of [...targets.list, sqlite]) {
    const one = await target.fresh()
    const single = await measure(one.store, 1, 3000)
    await one.store.close()
    const hundred = await target.fresh()
    const batched = await measure(hundred.store, 100, 300)
    await hundred.store.close()
    rows.push([
      target.name,
      single.toFixed(0),
      batched.toFixed(0),
      (batched / 100).toFixed(0),
      `${(batched / single).toFixed(1)}x`,
    ])
  }
  console.log(
    '| store | 1-event appends: events/s (= appends/s) | 100-event appends: events/s | appends/s | events/s, 100-event : 1-event |',
  )
  console.log('| --- | ---: | ---: | ---: | ---: |')
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
} finally {
  targets.dispose()
}
