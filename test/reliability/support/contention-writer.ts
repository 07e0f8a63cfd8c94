// A child for the SQLite contention test (better-sqlite3 is synchronous, so concurrency takes processes):
// writes to hot streams once the parent says "go", then prints its report as one JSON line.
import { once } from 'node:events'
import { openStore } from './open-store.ts'
import { writeHotStreams } from './hot-writer.ts'

const [backend, location, writer, appends, streams, seed] =
  process.argv.slice(2)
const store = openStore(backend!, location!)
await store.initialize()
// All writers start together: each says it is ready, then waits for the parent's "go" on stdin.
console.log('ready')
await once(process.stdin, 'data')
const report = await writeHotStreams(
  store,
  writer!,
  Number(appends),
  Number(streams),
  Number(seed),
)
await store.close()
process.stdin.destroy()
console.log(JSON.stringify(report))
