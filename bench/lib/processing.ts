import { setTimeout as sleep } from 'node:timers/promises'
import {
  AggregateRepository,
  PostgreSQLCheckpointRepository,
  PostgreSQLEventStore,
  PostgreSQLSnapshotStore,
  SQLiteCheckpointRepository,
  SQLiteEventStore,
  SQLiteSnapshotStore,
  SubscriptionManager,
  type CheckpointRepository,
  type EventStore,
  type SnapshotStore,
} from 'eventsource-ts'
import {
  NoteAggregate,
  NoteCreated,
  NoteUpdated,
  notesRegistry,
} from '../../test/support/notes.ts'
import { writeNotesLog } from '../../test/support/notes-log.ts'
import { freshFile } from './backends.ts'
import { sideBySide, summarize } from './measure.ts'
import type { PostgresBackend } from './postgres.ts'
import { formatRatio, rate, type Report } from './report.ts'

const REPETITIONS = 3
const CATCH_UP_EVENTS = 100_000
const LATENCY_SAMPLES = 300
const LONG_STREAM_EVENTS = 10_000
/** Events after the snapshot, which a load through it still replays. */
const AFTER_SNAPSHOT = 50
const LOADS = 5

/** One backend's store over fresh storage, a second connection to it, and its processing stores. */
export interface ProcessingSubject {
  store: SQLiteEventStore | PostgreSQLEventStore
  connect(): Promise<EventStore>
  checkpoints: CheckpointRepository
  snapshots: SnapshotStore
  dispose(): Promise<void>
}

export interface ProcessingBackend {
  name: string
  open(): Promise<ProcessingSubject>
}

export function sqliteProcessing(): ProcessingBackend {
  return {
    name: 'SQLite file (WAL)',
    open: async () => {
      const { path, remove } = freshFile('processing')
      const open = async () => {
        const store = new SQLiteEventStore(path, {
          eventRegistry: notesRegistry,
        })
        await store.initialize()
        return store
      }
      const store = await open()
      const connected: EventStore[] = []
      return {
        store,
        connect: async () => connected[connected.push(await open()) - 1]!,
        checkpoints: new SQLiteCheckpointRepository(store),
        snapshots: new SQLiteSnapshotStore(store),
        dispose: async () => {
          for (const other of connected) await other.close()
          await store.close()
          remove()
        },
      }
    },
  }
}

export function postgresProcessing(
  backend: PostgresBackend,
): ProcessingBackend {
  return {
    name: backend.name,
    open: async () => {
      const { store, connect, dispose } = await backend.openStore()
      const connected: EventStore[] = []
      return {
        store,
        connect: async () => {
          const other = connect()
          await other.initialize()
          return connected[connected.push(other) - 1]!
        },
        checkpoints: new PostgreSQLCheckpointRepository(store),
        snapshots: new PostgreSQLSnapshotStore(store),
        dispose: async () => {
          for (const other of connected) await other.close()
          await dispose()
        },
      }
    },
  }
}

/** The subscription, the bench, and their figures, one backend after another. */
export async function measureProcessing(
  report: Report,
  backends: ProcessingBackend[],
): Promise<void> {
  const catchUp: string[][] = []
  const latency: string[][] = []
  const loads: string[][] = []
  for (const backend of backends) {
    const subject = await backend.open()
    try {
      catchUp.push(await measureCatchUp(report, backend.name, subject))
      latency.push(...(await measureLatency(report, backend.name, subject)))
    } finally {
      await subject.dispose()
    }
    const fresh = await backend.open()
    try {
      loads.push(await measureSnapshotLoad(report, backend.name, fresh))
    } finally {
      await fresh.dispose()
    }
  }
  report.add({
    title: `Subscription catch-up beside readAll over ${CATCH_UP_EVENTS.toLocaleString('en')} events`,
    settings:
      'one subscription of every event type from the beginning, batchSize 100, its checkpoints in the store’s database; timed from start() to caught up; readAll iterates the same log',
    columns: [
      'Backend',
      'readAll events/s (min / median)',
      'catch-up events/s (min / median)',
      'catch-up ÷ readAll',
    ],
    rows: catchUp,
  })
  report.add({
    title: 'Live latency: commit to handler',
    settings: `${LATENCY_SAMPLES} events appended one at a time, each after the last was handled and a pause of 2 to 10 ms; from the append's return to the handler's call; pollInterval 250 ms`,
    columns: ['Backend', 'Writer', 'median', 'p99', 'max'],
    rows: latency,
  })
  report.add({
    title: `Load of a ${LONG_STREAM_EVENTS.toLocaleString('en')}-event aggregate, with and without a snapshot`,
    settings: `AggregateRepository.load of NoteAggregate; the snapshot at version ${LONG_STREAM_EVENTS.toLocaleString('en')}, ${AFTER_SNAPSHOT} events after it; ${LOADS} loads a repetition`,
    columns: [
      'Backend',
      'full replay: ms a load (median)',
      'through the snapshot: ms a load (median)',
      'speed-up',
    ],
    rows: loads,
  })
}

async function measureCatchUp(
  report: Report,
  backend: string,
  { store, checkpoints }: ProcessingSubject,
): Promise<string[]> {
  await writeNotesLog(store, { total: CATCH_UP_EVENTS })
  let run = 0
  const samples = await sideBySide(REPETITIONS, {
    readAll: async () => ({
      slices: 1,
      runSlice: async () => {
        let count = 0
        for await (const _ of store.readAll()) count++
        return expectEvents('readAll', count)
      },
    }),
    'catch-up': async () => {
      const subscriptions = new SubscriptionManager({
        eventStore: store,
        checkpointRepository: checkpoints,
      })
      let count = 0
      subscriptions.subscribe(
        { name: `catch-up-${++run}`, handle: () => void count++ },
        { startFrom: 'beginning' },
      )
      return {
        slices: 1,
        runSlice: async () => {
          await subscriptions.start()
          return expectEvents('catch-up', count)
        },
        dispose: () => subscriptions.stop(),
      }
    },
  })
  const ratio = samples['catch-up'].median / samples.readAll.median
  report.expect({
    what: `${backend}: subscription catch-up ÷ readAll`,
    measured: formatRatio(ratio),
    goal: '≥ 0.8×',
    met: ratio >= 0.8,
  })
  return [
    backend,
    `${rate(samples.readAll.min)} / ${rate(samples.readAll.median)}`,
    `${rate(samples['catch-up'].min)} / ${rate(samples['catch-up'].median)}`,
    formatRatio(ratio),
  ]
}

function expectEvents(what: string, count: number): number {
  if (count !== CATCH_UP_EVENTS)
    throw new Error(`${what}: expected ${CATCH_UP_EVENTS} events, got ${count}`)
  return count
}

/**
 * Latency through each way a subscription hears of a commit: an append through its own store object, and
 * one through another connection (a SQLite file's change, PostgreSQL's NOTIFY).
 */
async function measureLatency(
  report: Report,
  backend: string,
  subject: ProcessingSubject,
): Promise<string[][]> {
  const { store, checkpoints } = subject
  const handledAt = new Map<string, number>()
  const subscriptions = new SubscriptionManager({
    eventStore: store,
    checkpointRepository: checkpoints,
  })
  subscriptions.subscribe(
    {
      name: 'latency',
      handle: ({ event }) =>
        void handledAt.set(event.eventId, performance.now()),
    },
    { startFrom: 'end' },
  )
  await subscriptions.start()
  const rows: string[][] = []
  try {
    for (const [writer, through] of [
      ['the same store object', store],
      ['another connection', await subject.connect()],
    ] as const) {
      const latencies: number[] = []
      for (let i = 0; i < LATENCY_SAMPLES; i++) {
        const aggregateId = `latency-${writer.length}-${i}`
        const event = new NoteCreated({ aggregateId, title: 'T', content: 'c' })
        const { globalPosition } = await through.appendEvents({
          aggregateId,
          aggregateType: 'Note',
          events: [event],
          expectedVersion: 0,
        })
        const committedAt = performance.now()
        await subscriptions.waitForPosition(globalPosition)
        // A handler that ran before the append returned counts as no wait at all.
        latencies.push(Math.max(0, handledAt.get(event.eventId)! - committedAt))
        await sleep(2 + (i % 9))
      }
      const sorted = [...latencies].sort((a, b) => a - b)
      const median = summarize(latencies).median
      const p99 = sorted[Math.ceil(sorted.length * 0.99) - 1]!
      rows.push([backend, writer, ms(median), ms(p99), ms(sorted.at(-1)!)])
      report.expect({
        what: `${backend}: live latency, commit to handler, writer on ${writer} (median)`,
        measured: ms(median),
        goal: '< 50 ms',
        met: median < 50,
      })
    }
  } finally {
    await subscriptions.stop()
  }
  return rows
}

async function measureSnapshotLoad(
  report: Report,
  backend: string,
  { store, snapshots }: ProcessingSubject,
): Promise<string[]> {
  const id = 'long-note'
  const append = async (from: number, count: number) => {
    const events = Array.from({ length: count }, (_, i) =>
      from + i === 1
        ? new NoteCreated({ aggregateId: id, title: 'Long', content: 'first' })
        : new NoteUpdated({
            aggregateId: id,
            aggregateVersion: from + i,
            content: `revision ${from + i}`,
          }),
    )
    await store.appendEvents({
      aggregateId: id,
      aggregateType: 'Note',
      events,
      expectedVersion: from - 1,
    })
  }
  for (let from = 1; from <= LONG_STREAM_EVENTS; from += 1000)
    await append(from, 1000)
  const plain = new AggregateRepository({
    eventStore: store,
    aggregateFactory: NoteAggregate,
  })
  const withSnapshots = new AggregateRepository({
    eventStore: store,
    aggregateFactory: NoteAggregate,
    snapshotStore: snapshots,
  })
  await withSnapshots.createSnapshot(await plain.load(id))
  await append(LONG_STREAM_EVENTS + 1, AFTER_SNAPSHOT)
  const total = LONG_STREAM_EVENTS + AFTER_SNAPSHOT
  const loading =
    (repository: AggregateRepository<NoteAggregate>) => async () => ({
      slices: LOADS,
      runSlice: async () => {
        const note = await repository.load(id)
        if (note.version !== total)
          throw new Error(`load: version ${note.version}, expected ${total}`)
        return total
      },
    })
  const samples = await sideBySide(REPETITIONS, {
    'full replay': loading(plain),
    snapshot: loading(withSnapshots),
  })
  const speedUp = samples.snapshot.median / samples['full replay'].median
  report.expect({
    what: `${backend}: load of a ${LONG_STREAM_EVENTS.toLocaleString('en')}-event aggregate, through a snapshot ÷ full replay`,
    measured: formatRatio(speedUp),
    goal: '≥ 10×',
    met: speedUp >= 10,
  })
  const perLoad = (eventsPerSecond: number) =>
    ms((1000 * total) / eventsPerSecond)
  return [
    backend,
    perLoad(samples['full replay'].median),
    perLoad(samples.snapshot.median),
    formatRatio(speedUp),
  ]
}

function ms(milliseconds: number): string {
  return `${milliseconds < 10 ? milliseconds.toFixed(2) : milliseconds.toFixed(1)} ms`
}
