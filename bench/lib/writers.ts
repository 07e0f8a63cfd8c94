import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { PostgreSQLEventStore } from 'eventsource-ts'
import { CREATE_SCHEMA } from '../../src/stores/postgresql/schema.ts'
import { NoteCreated, notesRegistry } from '../../test/support/notes.ts'
import { notePayload } from './subject.ts'
import { OURS } from './backends.ts'
import { sideBySide, type Trial } from './measure.ts'
import type { FreshSchema } from './postgres.ts'
import { formatRatio, rate, type Report } from './report.ts'

const PLAIN_INSERT = 'plain INSERT'
const WRITER_COUNTS = [1, 4, 16] as const
/** Appends a slice: each of the writers makes its share, all at once. */
const SLICE_APPENDS = 480
const SLICES = 5
const REPETITIONS = 3

const INSERT_ROW = `INSERT INTO events (event_id, event_type, event_version, aggregate_id, aggregate_type, aggregate_version,
  tenant_id, actor_id, correlation_id, causation_id, occurred_at, payload, metadata)
  VALUES ($1, $2, 1, $3, 'Note', 1, NULL, NULL, $4, NULL, $5, $6, '{}')`

/** One writer: appends one event to a new stream, and closes. */
interface Writer {
  appendOne(streamId: string): Promise<void>
  close(): Promise<void>
}

/** Our store: one store object a writer, as separate application servers would have. */
async function ourWriter(url: string): Promise<Writer> {
  const store = new PostgreSQLEventStore({
    connectionString: url,
    eventRegistry: notesRegistry,
  })
  await store.initialize()
  const { payload } = notePayload(1)
  return {
    async appendOne(aggregateId) {
      const event = new NoteCreated({
        aggregateId,
        title: payload.title!,
        content: payload.content!,
      })
      await store.appendEvents({
        aggregateId,
        aggregateType: 'Note',
        events: [event],
        expectedVersion: 0,
      })
    },
    close: () => store.close(),
  }
}

/** The reference: an autocommit INSERT of the same row on the store's table, with no lock and no check. */
async function plainWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const { eventType, payload } = notePayload(1)
  return {
    async appendOne(aggregateId) {
      await client.query(INSERT_ROW, [
        randomUUID(),
        eventType,
        aggregateId,
        randomUUID(),
        new Date().toISOString(),
        JSON.stringify(payload),
      ])
    },
    close: () => client.end(),
  }
}

/**
 * Appends of one event to new streams by 1, 4 and 16 writers at once on a durable server, each on a
 * connection of its own: our store beside plain autocommit INSERTs of the same rows into the same table.
 * Every run starts on a fresh schema.
 */
export async function measureWriters(
  report: Report,
  server: { name: string; durability: string; freshSchema: FreshSchema },
): Promise<void> {
  const title = `${server.name}: 1-event appends to new streams, concurrent writers`
  const contender =
    (writers: number, open: (url: string) => Promise<Writer>, label: string) =>
    async (warmUp: boolean): Promise<Trial> => {
      const { url, drop } = await server.freshSchema(label)
      const setup = new pg.Client({ connectionString: url })
      await setup.connect()
      for (const statement of CREATE_SCHEMA) await setup.query(statement)
      await setup.end()
      const all = await Promise.all(
        Array.from({ length: writers }, () => open(url)),
      )
      return {
        slices: warmUp ? 1 : SLICES,
        runSlice: async (slice) => {
          await Promise.all(
            all.map(async (writer, w) => {
              for (let i = 0; i < SLICE_APPENDS / writers; i++)
                await writer.appendOne(`note-${slice}-${w}-${i}`)
            }),
          )
          return SLICE_APPENDS
        },
        dispose: async () => {
          await Promise.all(all.map((writer) => writer.close()))
          await drop()
        },
      }
    }
  const rows: string[][] = []
  const data: Record<number, unknown> = {}
  for (const writers of WRITER_COUNTS) {
    const samples = await sideBySide(REPETITIONS, {
      [OURS]: contender(writers, ourWriter, 'writers_ours'),
      [PLAIN_INSERT]: contender(writers, plainWriter, 'writers_plain'),
    })
    const ours = samples[OURS]
    const plain = samples[PLAIN_INSERT]
    const ratio = ours.median / plain.median
    data[writers] = samples
    rows.push([
      String(writers),
      `${rate(ours.min)} / ${rate(ours.median)}`,
      `${rate(plain.min)} / ${rate(plain.median)}`,
      formatRatio(ratio),
    ])
    if (writers === 16)
      report.expect({
        what: `${title}: 16 writers, ${OURS} ÷ ${PLAIN_INSERT}`,
        measured: formatRatio(ratio),
        goal: '≥ 0.7×',
        met: ratio >= 0.7,
      })
  }
  report.add(
    {
      title,
      settings: `${server.durability}; ${SLICES * SLICE_APPENDS} appends a run, the writers' shares at once; ${PLAIN_INSERT}: one autocommit INSERT a row, no lock`,
      columns: [
        'Writers (connections)',
        `${OURS} appends/s (min / median)`,
        `${PLAIN_INSERT} appends/s (min / median)`,
        `${OURS} ÷ ${PLAIN_INSERT}`,
      ],
      rows,
    },
    data,
  )
}
