// A child for the crash tests: appends multi-event batches until it is killed. It prints "begin <batch>"
// before each append and "ack <batch>" once the append returned, so the parent knows what must survive.
import { writeSync } from 'node:fs'
import { NoteCreated, NoteUpdated } from '../../support/notes.ts'
import { openStore } from './open-store.ts'

const [backend, location, tag] = process.argv.slice(2)
const streams = 5
const say = (line: string) => writeSync(1, `${line}\n`) // synchronous: once printed, the parent sees it even after a kill

const store = openStore(backend!, location!)
await store.initialize()
say('ready')
for (let n = 0; ; n++) {
  const batch = `${tag}:${n}`
  const aggregateId = `stream-${n % streams}`
  const size = 2 + (n % 5)
  const version = await store.getStreamVersion(aggregateId, 'Note')
  const events = Array.from({ length: size }, (_, index) => {
    const fields = {
      aggregateId,
      aggregateVersion: version + 1 + index,
      metadata: { batch, size, index },
      content: `${batch}/${index} ${'x'.repeat(100)}`,
    }
    return version + index === 0
      ? new NoteCreated({ ...fields, title: batch })
      : new NoteUpdated(fields)
  })
  say(`begin ${batch}`)
  await store.appendEvents({
    aggregateId,
    aggregateType: 'Note',
    events,
    expectedVersion: version,
  })
  say(`ack ${batch}`)
}
