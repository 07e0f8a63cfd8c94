// A child for the live-delivery test: appends to hot streams in two waves, each on the parent's "go": the
// first while the subscription catches up, the second once it is live. Prints "ready", then one JSON report.
import { createInterface } from 'node:readline'
import { openStore } from './open-store.ts'
import { writeHotStreams } from './hot-writer.ts'

const [backend, location, writer, appends, streams, seed] =
  process.argv.slice(2)
const store = openStore(backend!, location!)
await store.initialize()
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]()
console.log('ready')
const reports = []
for (const wave of ['a', 'b']) {
  await lines.next() // "go"
  reports.push(
    await writeHotStreams(
      store,
      `${writer}${wave}`,
      Number(appends),
      Number(streams),
      Number(seed) + (wave === 'a' ? 0 : 1),
    ),
  )
}
await store.close()
process.stdin.destroy()
console.log(JSON.stringify(reports))
