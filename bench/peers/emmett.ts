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

/** Emmett's error when a commit meets a statement still running, such as the WAL pragma of a new connection. */
export function isBusyError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY'
}

/**
 * Runs `work` again when it failed with SQLITE_BUSY (nothing was written), after letting the event loop
 * turn so the statement in the way can finish; up to ten times in all.
 */
async function retryBusy<T>(work: () => Promise<T>, onRetry: () => void = () => undefined): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (!isBusyError(error) || attempt === 10) throw error
      onRetry()
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
}

/**
 * Emmett's store on a SQLite file. `default` is its documented setup, `getSQLiteEventStore({ fileName })`,
 * which opens a connection for every call; `one connection` passes one long-lived connection instead.
 * Emmett sets WAL on every connection and leaves `synchronous` at SQLite's default, FULL.
 *
 * A new connection runs `PRAGMA journal_mode = WAL` without waiting for it, so in the default setup about
 * one append in a hundred fails to commit with SQLITE_BUSY and writes nothing. An application would retry
 * it, and so does this adapter, reporting each retry to `onRetry`.
 */
export async function emmettSubject(fileName: string, setup: EmmettSetup, cleanUp: () => void, onRetry: () => void = () => undefined): Promise<Subject> {
  // Before the clock: the file in WAL mode, through a connection whose pragma has finished (a new file's WAL
  // pragma run inside a transaction fails, and the unhandled 'error' ends the process); then the schema,
  // which a store creates on its first call. A store keeps a failed creation for life, so one whose
  // creation met SQLITE_BUSY is replaced.
  const connection = emmett.sqliteConnection({ fileName })
  await connection.querySingle('PRAGMA journal_mode = WAL')
  const store = await retryBusy(async () => {
    const candidate = emmett.getSQLiteEventStore(setup === 'default' ? { fileName } : { fileName, connectionOptions: { singleton: true, connection } })
    await candidate.schema.migrate()
    return candidate
  })
  if (setup === 'default') connection.close()
  // Reading the whole log is `readMessagesBatch`, page by page, on a connection of the same setup.
  const pool: Pool = setup === 'default' ? emmett.SQLiteConnectionPool({ fileName }) : { withConnection: (work) => work(connection) }
  const streamName = (streamId: string) => `Note-${streamId}`
  const evolve = (state: NoteState, event: EmmettEvent): NoteState => ({ ...state, ...event.data })

  return {
    async appendStream(streamId, count, afterVersion = 0) {
      const events: EmmettEvent[] = []
      for (let version = afterVersion + 1; version <= afterVersion + count; version++) {
        const { eventType, payload } = notePayload(version)
        events.push({ type: eventType, data: payload })
      }
      // The exact version, as ours is given (0n: a new stream, like ExpectedVersion.NO_STREAM).
      await retryBusy(() => store.appendToStream(streamName(streamId), events, { expectedStreamVersion: BigInt(afterVersion) }), onRetry)
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
      if (setup === 'one connection') connection.close()
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
