import { PGlite } from '@electric-sql/pglite'
import { randomUUID } from 'node:crypto'
import { PostgreSQLEventStore } from 'eventsource-ts'
const db = await PGlite.create()
const store = new PostgreSQLEventStore({ embedded: db }); await store.initialize()
const time = async (label: string, f: (i: number) => Promise<unknown>) => { const t = performance.now(); for (let i = 0; i < 300; i++) await f(i); console.log(label, ((performance.now() - t) / 300).toFixed(3), 'ms') }
await time('select 1', () => db.query('SELECT 1'))
await time('select $1', (i) => db.query('SELECT $1::int', [i]))
await time('select arrays', (i) => db.query('SELECT $1::text[], $2::uuid[], $3::jsonb[]', [['a'], [randomUUID()], ['{"a":1}']]))
const params = (i: number) => [`agg-${i}`, 'Note', 0, [randomUUID()], ['NoteCreated'], [1], [null], [null], ['c'], [null], [new Date().toISOString()], ['{"title":"t","content":"c"}'], ['{}']]
await time('append fn', (i) => db.query('SELECT * FROM eventsource_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)', params(i)))
await time('append fn declined', (i) => db.query('SELECT * FROM eventsource_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)', params(i).map((p, k) => k === 2 ? 5 : p)))
await time('plain insert', (i) => db.query(`INSERT INTO events (event_id, event_type, event_version, aggregate_id, aggregate_type, aggregate_version, correlation_id, occurred_at, payload, metadata) VALUES ($1, 'NoteCreated', 1, $2, 'Note', 1, 'c', now(), '{}', '{}')`, [randomUUID(), `plain-${i}`]))
