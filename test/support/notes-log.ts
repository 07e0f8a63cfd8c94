// A log of Note events for migration tests and benchmarks: `total` events over `streams` streams, appended
// 1 to 3 at a time and interleaved, as an application writes them; metadata keys in an order JSONB changes.
import type {
  AppendEventsInput,
  AppendResult,
  DomainEvent,
} from 'eventsource-ts'
import { NoteCreated, NoteUpdated } from './notes.ts'

export interface NotesLogOptions {
  total: number
  /** Default: one stream for every 10 events. */
  streams?: number
}

/** Builds the log's appends, in order. */
export function* notesLog({
  total,
  streams = Math.max(1, Math.ceil(total / 10)),
}: NotesLogOptions): Generator<AppendEventsInput> {
  const versions = new Array<number>(streams).fill(0)
  for (let written = 0, i = 0; written < total; i++) {
    const stream = (i * 7919) % streams
    const aggregateId = `note-${stream}`
    const events: DomainEvent[] = []
    for (let k = 0; k < Math.min(1 + (i % 3), total - written); k++) {
      const aggregateVersion = versions[stream]! + k + 1
      const metadata = { userAgent: 'workbook', ip: '127.0.0.1', n: i }
      events.push(
        aggregateVersion === 1
          ? new NoteCreated({
              aggregateId,
              aggregateVersion,
              title: `Note ${stream}`,
              content: `First draft of note ${stream}`,
              metadata,
            })
          : new NoteUpdated({
              aggregateId,
              aggregateVersion,
              content: `Revision ${aggregateVersion} of note ${stream} — ünïcödé`,
              metadata,
            }),
      )
    }
    yield {
      aggregateId,
      aggregateType: 'Note',
      events,
      expectedVersion: versions[stream]!,
    }
    versions[stream]! += events.length
    written += events.length
  }
}

/** Writes the log into a store, many appends a transaction. */
export async function writeNotesLog(
  store: {
    appendStreams(appends: AppendEventsInput[]): Promise<AppendResult[]>
  },
  options: NotesLogOptions,
): Promise<void> {
  let appends: AppendEventsInput[] = []
  for (const append of notesLog(options)) {
    appends.push(append)
    if (appends.length === 500)
      appends = (await store.appendStreams(appends), [])
  }
  if (appends.length > 0) await store.appendStreams(appends)
}
