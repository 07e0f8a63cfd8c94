// An app's TypeScript, type-checked by plain tsc against the installed package under the strictest flags
// (tsconfig.app.json): the library's declarations must hold up in a project that is not the library's.
import { z } from 'zod'
import {
  AggregateRepository,
  AggregateRoot,
  createEventStore,
  defineEvent,
  DriverNotInstalledError,
  ExpectedVersion,
  getEventStoreConfig,
  InMemoryEventStore,
  isEventSourceError,
  migrateEvents,
  OptimisticLockError,
  PostgreSQLEventStore,
  SQLiteEventStore,
  type DomainEvent,
  type EventStore,
  type PGliteDatabase,
  type PostgreSQLPool,
  type SQLiteSynchronous,
} from 'eventsource-ts'
import type { ContractTarget } from 'eventsource-ts/testing'

export const NoteCreated = defineEvent({
  eventType: 'NoteCreated',
  aggregateType: 'Note',
  schema: z.object({ title: z.string(), tags: z.array(z.string()).optional() }),
})
export type NoteCreated = InstanceType<typeof NoteCreated>

class Note extends AggregateRoot<{ title: string }> {
  static readonly aggregateType = 'Note'
  protected override getInitialState() {
    return { title: '' }
  }
  protected override apply(event: DomainEvent) {
    if (event instanceof NoteCreated) this.state = { title: event.title }
  }
  create(title: string) {
    this.applyEvent(
      new NoteCreated({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        title,
      }),
    )
  }
}

export async function saveAndLoad(eventStore: EventStore): Promise<string> {
  const notes = new AggregateRepository({
    eventStore,
    aggregateFactory: Note,
    aggregateType: 'Note',
  })
  const note = notes.createNew(crypto.randomUUID())
  note.create('Hello')
  await notes.save(note)
  const types: string[] = []
  for await (const stored of eventStore.readAll({ fromPosition: 0 }))
    types.push(`${stored.globalPosition} ${stored.event.eventType}`)
  return `${(await notes.load(note.aggregateId)).state.title} ${types.join()}`
}

/** Every store, with options of every kind; a pg Pool and a PGlite are structural types of the library's. */
export async function stores(
  pool: PostgreSQLPool,
  pglite: PGliteDatabase,
  synchronous: SQLiteSynchronous,
) {
  const sqlite = new SQLiteEventStore('./events.db', {
    walMode: true,
    busyTimeout: 1000,
    synchronous,
    enableTracing: false,
  })
  const server = new PostgreSQLEventStore({ pool, busyTimeout: 1000 })
  const embedded = new PostgreSQLEventStore({ embedded: pglite })
  const url = new PostgreSQLEventStore({ connectionString: 'postgres://db/x' })
  const configured = await createEventStore(
    getEventStoreConfig({ APP_ENV: 'testing' }),
  )
  const { copied, verified } = await migrateEvents({
    source: sqlite,
    target: embedded,
    batchSize: 100,
  })
  return { sqlite, server, url, configured, copied, verified }
}

export function describeFailure(error: unknown): string {
  if (isEventSourceError(error, OptimisticLockError))
    return `conflict: the stream is at ${error.actualVersion}`
  if (isEventSourceError(error, DriverNotInstalledError))
    return `npm install ${error.packageName}`
  return `expected version ${ExpectedVersion.NO_STREAM}`
}

export const contract: ContractTarget = {
  name: 'in memory',
  create: (eventRegistry) => new InMemoryEventStore({ eventRegistry }),
}
