import {
  AggregateRepository,
  ExpectedVersion,
  type DomainEvent,
  type EventStore,
} from 'eventsource-ts'
import {
  NoteAggregate,
  NoteCreated,
  NoteUpdated,
} from '../../test/support/notes.ts'

/**
 * What a workload drives: our store, a raw-driver floor written by hand, or a peer's store. Every method
 * does the whole job a caller needs done, so the clock sees the same work on each side.
 */
export interface Subject {
  /**
   * Writes `count` events in one call (one transaction), expecting the stream at `afterVersion` (0, the
   * default, for a new stream): its versions afterVersion + 1 to afterVersion + count.
   */
  appendStream(
    streamId: string,
    count: number,
    afterVersion?: number,
  ): Promise<void>
  /** Writes a new one-event stream through an aggregate repository (a floor has none: a plain append). */
  saveAggregate?(streamId: string): Promise<void>
  /** Reads a whole stream back; resolves to how many events it holds. */
  readStream(streamId: string): Promise<number>
  /** Rebuilds an aggregate from its stream; resolves to its version. */
  loadAggregate?(streamId: string): Promise<number>
  /** Reads the whole log in pages; resolves to how many events it held. */
  readAll(): Promise<number>
  close(): Promise<void>
}

/** The note every workload writes: a title and a paragraph, about the size of a real one. */
const TITLE = 'Weekly planning'
const CONTENT =
  'Agreed on the release date, moved the migration to next sprint, and asked Sam to review the backlog.'

/** The payload of a note stream's event at `version`: created first, then updated. */
export function notePayload(version: number): {
  eventType: string
  payload: Record<string, string>
} {
  return version === 1
    ? { eventType: 'NoteCreated', payload: { title: TITLE, content: CONTENT } }
    : { eventType: 'NoteUpdated', payload: { content: CONTENT } }
}

/** Our store, used as an application would: build events, append them; load and save aggregates. */
export function storeSubject(
  store: EventStore,
  cleanUp: () => Promise<void> | void = () => undefined,
): Subject {
  const repository = new AggregateRepository({
    eventStore: store,
    aggregateFactory: NoteAggregate,
  })
  return {
    async appendStream(streamId, count, afterVersion = 0) {
      const events: DomainEvent[] = []
      for (
        let version = afterVersion + 1;
        version <= afterVersion + count;
        version++
      ) {
        events.push(
          version === 1
            ? new NoteCreated({
                aggregateId: streamId,
                title: TITLE,
                content: CONTENT,
              })
            : new NoteUpdated({
                aggregateId: streamId,
                aggregateVersion: version,
                content: CONTENT,
              }),
        )
      }
      await store.appendEvents({
        aggregateId: streamId,
        aggregateType: 'Note',
        events,
        expectedVersion:
          afterVersion === 0 ? ExpectedVersion.NO_STREAM : afterVersion,
      })
    },
    async saveAggregate(streamId) {
      const note = repository.createNew(streamId)
      note.create(TITLE, CONTENT)
      await repository.save(note)
    },
    async readStream(streamId) {
      return (await store.getEvents(streamId, 'Note')).events.length
    },
    async loadAggregate(streamId) {
      return (await repository.load(streamId)).version
    },
    async readAll() {
      let count = 0
      for await (const _ of store.readAll()) count++
      return count
    },
    async close() {
      await store.close()
      await cleanUp()
    },
  }
}
