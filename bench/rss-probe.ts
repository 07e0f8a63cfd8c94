// Run as a child process by the bench, so its memory is measured from a clean start: reads the whole log
// of a SQLite file through our store and prints, as one JSON line, how far RSS grew above where it began.
import { SQLiteEventStore } from 'eventsource-ts'
import { notesRegistry } from '../test/support/notes.ts'

const [database] = process.argv.slice(2)
const store = new SQLiteEventStore(database!, { eventRegistry: notesRegistry })
await store.initialize()
;(globalThis as { gc?: () => void }).gc?.()
const baseline = process.memoryUsage.rss()
let peak = baseline
let events = 0
const start = performance.now()
for await (const _ of store.readAll()) {
  if (++events % 1000 === 0) peak = Math.max(peak, process.memoryUsage.rss())
}
const seconds = (performance.now() - start) / 1000
await store.close()
console.log(
  JSON.stringify({ events, seconds, baselineBytes: baseline, peakBytes: peak }),
)
