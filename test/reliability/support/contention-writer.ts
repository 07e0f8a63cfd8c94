// A child for the contention tests: makes `appends` appends spread over `streams` hot streams, each with the
// exact expected version it just read, retrying on conflict. A retry keeps the event's id, so an append
// that did commit is skipped, never doubled. Prints one JSON line with what it did.
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { DatabaseBusyError, OptimisticLockError } from 'eventsource-ts'
import { NoteCreated, NoteUpdated } from '../../support/notes.ts'
import { openStore } from './open-store.ts'
import { randomInt, seededRandom } from './random.ts'

const [backend, location, writer, appendsArg, streamsArg, seedArg] = process.argv.slice(2)
const appends = Number(appendsArg)
const streams = Number(streamsArg)
const random = seededRandom(Number(seedArg))

const store = openStore(backend!, location!)
await store.initialize()
// All writers start together: each says it is ready, then waits for the parent's "go" on stdin.
console.log('ready')
await once(process.stdin, 'data')
let conflicts = 0
let busy = 0
for (let i = 0; i < appends; i++) {
  const aggregateId = `hot-${randomInt(random, 0, streams - 1)}`
  const eventId = randomUUID()
  for (;;) {
    const version = await store.getStreamVersion(aggregateId, 'Note')
    const fields = { eventId, aggregateId, aggregateVersion: version + 1, content: `${writer}:${i}` }
    const event = version === 0 ? new NoteCreated({ ...fields, title: 'hot' }) : new NoteUpdated(fields)
    try {
      await store.appendEvents({ aggregateId, aggregateType: 'Note', events: [event], expectedVersion: version })
      break
    } catch (error) {
      if (error instanceof OptimisticLockError) conflicts++
      else if (error instanceof DatabaseBusyError) busy++
      else throw error
    }
  }
}
await store.close()
process.stdin.destroy()
console.log(JSON.stringify({ writer, appends, conflicts, busy }))
