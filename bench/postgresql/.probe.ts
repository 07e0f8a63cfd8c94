import { migrateEvents, PostgreSQLEventStore, SQLiteEventStore } from 'eventsource-ts'
import { notesRegistry } from '../../test/support/notes.ts'
import { writeNotesLog } from '../../test/support/notes-log.ts'
const source = new SQLiteEventStore(':memory:', { eventRegistry: notesRegistry }); await source.initialize()
await writeNotesLog(source, { total: 3000 })
const target = new PostgreSQLEventStore({ embedded: true, eventRegistry: notesRegistry }); await target.initialize()
let t = performance.now(); let n = 0
for await (const s of source.readAll()) n++
console.log('read source', (performance.now() - t).toFixed(0))
t = performance.now()
const r = await migrateEvents({ source, target, batchSize: 1000, onProgress: (p) => console.log('progress', p.copied, (performance.now() - t).toFixed(0)) })
console.log('migrate total', (performance.now() - t).toFixed(0))
t = performance.now(); n = 0
for await (const s of target.readAll()) n++
console.log('read target', (performance.now() - t).toFixed(0))
t = performance.now()
const r2 = await migrateEvents({ source, target, batchSize: 1000, onProgress: (p) => console.log('progress', p.skipped, (performance.now() - t).toFixed(0)) })
console.log('rerun total', (performance.now() - t).toFixed(0))
