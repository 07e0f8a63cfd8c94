import { OURS } from './backends.ts'
import { sideBySide, type Sample } from './measure.ts'
import type { Subject } from './subject.ts'

/** Opens a contender on a fresh, empty database. */
export type Open = () => Promise<Subject>

export const REPETITIONS = 3
/** Events per append workload. */
export const APPEND_EVENTS = 20_000
export const LONG_STREAM = 'long-stream'
export const LONG_STREAM_EVENTS = 10_000
/** Events in the log read by `readAll`: the long stream and streams of 1,000. */
export const LOG_EVENTS = 100_000
/** `getEvents` is quick, so each timed run reads the long stream this many times. */
const STREAM_READS = 3
/** Appends are timed in slices of this many events, the contenders taking turns. */
const SLICE_EVENTS = 1000

export type WorkloadName =
  'append-1' | 'save-1' | 'append-100' | 'get-events' | 'load' | 'read-all'
export const ALL_WORKLOADS: readonly WorkloadName[] = [
  'append-1',
  'save-1',
  'append-100',
  'get-events',
  'load',
  'read-all',
]

export interface WorkloadResult {
  workload: WorkloadName
  title: string
  /** Events in one timed run. */
  events: number
  samples: Record<string, Sample>
}

const TITLES: Record<WorkloadName, string> = {
  'append-1': `append, 1 event per call to new streams`,
  'save-1': `AggregateRepository.save, 1 event per call`,
  'append-100': `append, 100 events per call`,
  'get-events': `getEvents of a ${LONG_STREAM_EVENTS.toLocaleString('en')}-event stream`,
  load: `AggregateRepository.load of it`,
  'read-all': `readAll over ${LOG_EVENTS.toLocaleString('en')} events`,
}

/** The key under which our store's repository saves run, beside its plain appends, in one set of rounds. */
const SAVES = `${OURS}, AggregateRepository.save`

/**
 * Runs the workloads on every contender side by side. Appends start each run on a fresh database; reads
 * run on one database per contender, filled once. `only` limits some contenders to some workloads.
 * Our store's repository saves run in the same rounds as the 1-event appends: a floor has no repository,
 * so its plain appends, measured once, are the floor of both.
 */
export async function runWorkloads(
  contenders: Record<string, Open>,
  workloads: readonly WorkloadName[] = ALL_WORKLOADS,
  only: Record<string, readonly WorkloadName[]> = {},
): Promise<WorkloadResult[]> {
  const takesPart = (name: string, workload: WorkloadName) =>
    workloads.includes(workload) && (only[name]?.includes(workload) ?? true)
  const pick = <T>(record: Record<string, T>, workload: WorkloadName) =>
    Object.fromEntries(
      Object.entries(record).filter(([name]) => takesPart(name, workload)),
    )
  const results: WorkloadResult[] = []
  const record = (
    workload: WorkloadName,
    events: number,
    samples: Record<string, Sample>,
  ) => {
    if (Object.keys(samples).length > 0)
      results.push({ workload, title: TITLES[workload], events, samples })
  }

  type Call = (subject: Subject, streamId: string) => Promise<void>
  const appends = (
    perCall: number,
    runs: Record<string, { open: Open; call: Call }>,
  ) =>
    sideBySide(
      REPETITIONS,
      mapValues(runs, ({ open, call }) => async (warmUp: boolean) => {
        const subject = await open()
        const callsPerSlice = SLICE_EVENTS / perCall
        return {
          slices: (warmUp ? APPEND_EVENTS / 10 : APPEND_EVENTS) / SLICE_EVENTS,
          runSlice: async (slice: number) => {
            for (
              let i = slice * callsPerSlice;
              i < (slice + 1) * callsPerSlice;
              i++
            )
              await call(subject, `note-${i}`)
            return SLICE_EVENTS
          },
          dispose: () => subject.close(),
        }
      }),
    )
  const appendOne: Call = (subject, streamId) =>
    subject.appendStream(streamId, 1)
  const oneEventRuns = mapValues(pick(contenders, 'append-1'), (open) => ({
    open,
    call: appendOne,
  }))
  if (takesPart(OURS, 'save-1')) {
    for (const [name, open] of Object.entries(pick(contenders, 'save-1')))
      if (name !== OURS) oneEventRuns[name] ??= { open, call: appendOne }
    oneEventRuns[SAVES] = {
      open: contenders[OURS]!,
      call: (subject, streamId) => subject.saveAggregate!(streamId),
    }
  }
  if (Object.keys(oneEventRuns).length > 0) {
    const { [SAVES]: saves, ...plain } = await appends(1, oneEventRuns)
    record('append-1', APPEND_EVENTS, pick(plain, 'append-1'))
    if (saves)
      record('save-1', APPEND_EVENTS, {
        ...pick(plain, 'save-1'),
        [OURS]: saves,
      })
  }
  record(
    'append-100',
    APPEND_EVENTS,
    await appends(
      100,
      mapValues(pick(contenders, 'append-100'), (open) => ({
        open,
        call: (s, id) => s.appendStream(id, 100),
      })),
    ),
  )

  const reads = (['get-events', 'load', 'read-all'] as const).filter(
    (workload) => workloads.includes(workload),
  )
  const filled: Record<string, Subject> = {}
  for (const [name, open] of Object.entries(contenders))
    if (reads.some((workload) => takesPart(name, workload)))
      filled[name] = await fill(await open())
  try {
    const readRuns = async (
      workload: WorkloadName,
      times: number,
      events: number,
      read: (subject: Subject) => Promise<number>,
    ) => {
      const samples = await sideBySide(
        REPETITIONS,
        mapValues(pick(filled, workload), (subject) => async () => ({
          slices: times,
          runSlice: async () => {
            const got = await read(subject)
            // A read that came back short would flatter its speed.
            if (got !== events)
              throw new Error(
                `${workload}: expected ${events} events, read ${got}`,
              )
            return events
          },
        })),
      )
      record(workload, times * events, samples)
    }
    await readRuns('get-events', STREAM_READS, LONG_STREAM_EVENTS, (s) =>
      s.readStream(LONG_STREAM),
    )
    await readRuns('load', STREAM_READS, LONG_STREAM_EVENTS, (s) =>
      s.loadAggregate
        ? s.loadAggregate(LONG_STREAM)
        : s.readStream(LONG_STREAM),
    )
    await readRuns('read-all', 1, LOG_EVENTS, (s) => s.readAll())
  } finally {
    for (const subject of Object.values(filled)) await subject.close()
  }
  return results
}

/** Writes the log the read workloads read: the long stream, then streams of 1,000 events, 1,000 a call. */
export async function fill(subject: Subject): Promise<Subject> {
  for (let version = 0; version < LONG_STREAM_EVENTS; version += 1000)
    await subject.appendStream(LONG_STREAM, 1000, version)
  for (let i = 0; i < (LOG_EVENTS - LONG_STREAM_EVENTS) / 1000; i++)
    await subject.appendStream(`filler-${i}`, 1000)
  return subject
}

export function mapValues<T, U>(
  record: Record<string, T>,
  map: (value: T) => U,
): Record<string, U> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, map(value)]),
  )
}
