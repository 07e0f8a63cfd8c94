// A child process for the multi-process tests: appends to a few hot streams of one SQLite file, retrying
// on conflicts, then prints what it did as one JSON line.
import { ExpectedVersion, OptimisticLockError, SQLiteEventStore } from 'eventsource-ts'
import { NoteCreated, NoteUpdated, notesRegistry } from './notes.ts'

const [database, writer, appendsArg, streamsArg] = process.argv.slice(2)
const appends = Number(appendsArg)
const streams = Number(streamsArg)

const store = new SQLiteEventStore(database!, { eventRegistry: notesRegistry, busyTimeout: 30_000 })
await store.initialize()
let conflicts = 0
for (let i = 0; i < appends; i++) {
  const aggregateId = `hot-${i % streams}`
  for (;;) {
    const version = await store.getStreamVersion(aggregateId, 'Note')
    const event =
      version === 0
        ? new NoteCreated({ aggregateId, title: 'hot', content: `${writer}:${i}` })
        : new NoteUpdated({ aggregateId, aggregateVersion: version + 1, content: `${writer}:${i}` })
    try {
      await store.appendEvents({ aggregateId, aggregateType: 'Note', events: [event], expectedVersion: version === 0 ? ExpectedVersion.NO_STREAM : version })
      break
    } catch (error) {
      if (!(error instanceof OptimisticLockError)) throw error
      conflicts++
    }
  }
}
await store.close()
console.log(JSON.stringify({ writer, appends, conflicts }))
