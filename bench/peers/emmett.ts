// Emmett's SQLite event store (@event-driven-io/emmett-sqlite), driven through its public API. This folder
// has its own package.json, installed on demand by `npm run bench -- --peers`, so the main install stays
// lean; the few calls the bench makes are typed here rather than through the package.
import { notePayload, type Subject } from '../lib/subject.ts'

interface EmmettEvent {
  type: string
  data: Record<string, string>
}
interface Connection {
  querySingle<T>(sql: string): Promise<T | null>
  close(): void
}
interface Pool {
  withConnection<T>(work: (connection: Connection) => Promise<T>): Promise<T>
}
interface EmmettStore {
  appendToStream(streamName: string, events: EmmettEvent[], options: { expectedStreamVersion: bigint }): Promise<unknown>
  readStream(streamName: string): Promise<{ events: unknown[] }>
  aggregateStream<S>(streamName: string, options: { evolve: (state: S, event: EmmettEvent) => S; initialState: () => S }): Promise<{ currentStreamVersion: bigint; state: S }>
  schema: { migrate(): Promise<void> }
}
interface EmmettSqlite {
  getSQLiteEventStore(options: { fileName: string; connectionOptions?: { singleton: true; connection: Connection } }): EmmettStore
  sqliteConnection(options: { fileName: string }): Connection
  SQLiteConnectionPool(options: { fileName: string }): Pool
  readMessagesBatch(connection: Connection, options: { after: bigint; batchSize: number }): Promise<{ messages: unknown[]; currentGlobalPosition: bigint; areEventsLeft: boolean }>
}

/** The package's name, kept in a variable: it is installed only for `--peers`, so it is loaded at run time. */
const PACKAGE: string = '@event-driven-io/emmett-sqlite'
const emmett = (await import(PACKAGE)) as EmmettSqlite

export type EmmettSetup = 'default' | 'one connection'

interface NoteState {
  title: string
  content: string
}

/**
 * Emmett's store on a SQLite file. `default` is its documented setup, `getSQLiteEventStore({ fileName })`,
 * which opens a connection for every call; `one connection` passes one long-lived connection instead.
 * Emmett sets WAL on every connection and leaves `synchronous` at SQLite's default, FULL.
 */
export async function emmettSubject(fileName: string, setup: EmmettSetup, cleanUp: () => void): Promise<Subject> {
  const connection = setup === 'one connection' ? emmett.sqliteConnection({ fileName }) : undefined
  const store = emmett.getSQLiteEventStore(connection ? { fileName, connectionOptions: { singleton: true, connection } } : { fileName })
  await store.schema.migrate()
  // Reading the whole log is `readMessagesBatch`, page by page, on a connection of the same setup.
  const pool: Pool = connection ? { withConnection: (work) => work(connection) } : emmett.SQLiteConnectionPool({ fileName })
  const streamName = (streamId: string) => `Note-${streamId}`
  const evolve = (state: NoteState, event: EmmettEvent): NoteState => ({ ...state, ...event.data })

  return {
    async appendStream(streamId, count) {
      const events: EmmettEvent[] = []
      for (let version = 1; version <= count; version++) {
        const { eventType, payload } = notePayload(version)
        events.push({ type: eventType, data: payload })
      }
      // 0n: the stream must be new, as ExpectedVersion.NO_STREAM asks of ours.
      await store.appendToStream(streamName(streamId), events, { expectedStreamVersion: 0n })
    },
    async readStream(streamId) {
      return (await store.readStream(streamName(streamId))).events.length
    },
    async loadAggregate(streamId) {
      const { currentStreamVersion } = await store.aggregateStream(streamName(streamId), { evolve, initialState: () => ({ title: '', content: '' }) })
      return Number(currentStreamVersion)
    },
    async readAll() {
      let count = 0
      for (let after = 0n, more = true; more; ) {
        const batch = await pool.withConnection((c) => emmett.readMessagesBatch(c, { after, batchSize: 1000 }))
        count += batch.messages.length
        after = batch.currentGlobalPosition
        more = batch.areEventsLeft
      }
      return count
    },
    async close() {
      connection?.close()
      cleanUp()
    },
  }
}

/** The `synchronous` and `journal_mode` an Emmett connection runs with, read back from SQLite. */
export async function emmettDurability(fileName: string): Promise<string> {
  const connection = emmett.sqliteConnection({ fileName })
  try {
    const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode')
    const synchronous = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous')
    return `journal_mode=${journal?.journal_mode}, synchronous=${['OFF', 'NORMAL', 'FULL', 'EXTRA'][synchronous?.synchronous ?? -1]}`
  } finally {
    connection.close()
  }
}
