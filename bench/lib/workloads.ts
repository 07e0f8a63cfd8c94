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
const STREAM_READS = 5
/** Appends are timed in slices of this many events, the contenders taking turns. */
const SLICE_EVENTS = 1000

export type WorkloadName = 'append-1' | 'save-1' | 'append-100' | 'get-events' | 'load' | 'read-all'
export const ALL_WORKLOADS: readonly WorkloadName[] = ['append-1', 'save-1', 'append-100', 'get-events', 'load', 'read-all']

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

/**
 * Runs the workloads on every contender side by side. Appends start each run on a fresh database; reads
 * run on one database per contender, filled once. A contender without a repository (a raw floor) saves
 * and loads with its plain append and read.
 */
export async function runWorkloads(contenders: Record<string, Open>, workloads: readonly WorkloadName[] = ALL_WORKLOADS): Promise<WorkloadResult[]> {
  const results: WorkloadResult[] = []
  const record = (workload: WorkloadName, events: number, samples: Record<string, Sample>) =>
    results.push({ workload, title: TITLES[workload], events, samples })

  const appends = async (workload: WorkloadName, perCall: number, call: (subject: Subject, streamId: string) => Promise<void>) =>
    record(workload, APPEND_EVENTS, await sideBySide(REPETITIONS, mapValues(contenders, (open) => async (warmUp: boolean) => {
      const subject = await open()
      const callsPerSlice = SLICE_EVENTS / perCall
      return {
        slices: (warmUp ? APPEND_EVENTS / 10 : APPEND_EVENTS) / SLICE_EVENTS,
        runSlice: async (slice: number) => {
          for (let i = slice * callsPerSlice; i < (slice + 1) * callsPerSlice; i++) await call(subject, `note-${i}`)
          return SLICE_EVENTS
        },
        dispose: () => subject.close(),
      }
    })))
  if (workloads.includes('append-1')) await appends('append-1', 1, (s, id) => s.appendStream(id, 1))
  if (workloads.includes('save-1')) await appends('save-1', 1, (s, id) => (s.saveAggregate ? s.saveAggregate(id) : s.appendStream(id, 1)))
  if (workloads.includes('append-100')) await appends('append-100', 100, (s, id) => s.appendStream(id, 100))

  const reads: WorkloadName[] = ['get-events', 'load', 'read-all']
  if (!reads.some((w) => workloads.includes(w))) return results
  const filled: Record<string, Subject> = {}
  for (const [name, open] of Object.entries(contenders)) filled[name] = await fill(await open())
  try {
    const readRuns = async (workload: WorkloadName, times: number, events: number, read: (subject: Subject) => Promise<number>) => {
      const samples = await sideBySide(REPETITIONS, mapValues(filled, (subject) => async () => ({
        slices: times,
        runSlice: async () => {
          const got = await read(subject)
          // A read that came back short would flatter its speed.
          if (got !== events) throw new Error(`${workload}: expected ${events} events, read ${got}`)
          return events
        },
      })))
      record(workload, times * events, samples)
    }
    if (workloads.includes('get-events')) await readRuns('get-events', STREAM_READS, LONG_STREAM_EVENTS, (s) => s.readStream(LONG_STREAM))
    if (workloads.includes('load')) {
      await readRuns('load', STREAM_READS, LONG_STREAM_EVENTS, (s) => (s.loadAggregate ? s.loadAggregate(LONG_STREAM) : s.readStream(LONG_STREAM)))
    }
    if (workloads.includes('read-all')) await readRuns('read-all', 2, LOG_EVENTS, (s) => s.readAll())
  } finally {
    for (const subject of Object.values(filled)) await subject.close()
  }
  return results
}

/** Writes the log the read workloads read: the long stream, then streams of 1,000 events. */
export async function fill(subject: Subject): Promise<Subject> {
  await subject.appendStream(LONG_STREAM, LONG_STREAM_EVENTS)
  for (let i = 0; i < (LOG_EVENTS - LONG_STREAM_EVENTS) / 1000; i++) await subject.appendStream(`filler-${i}`, 1000)
  return subject
}

export function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]))
}
