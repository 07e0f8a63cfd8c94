import { InvalidArgumentError, OptimisticLockError } from '../../errors.ts'
import { describe, UUID, type DomainEvent } from '../../events/domain-event.ts'
import {
  planAppend,
  type AppendBatch,
  type StoredIdentity,
} from '../append-plan.ts'
import { requireInteger, requireOptions } from '../arguments.ts'
import {
  BaseEventStore,
  STORE_OPTION_NAMES,
  type PageQuery,
  type StoreOptions,
} from '../base-event-store.ts'
import {
  checkEventTable,
  decodeEvent,
  decodeRecord,
  encodeBatch,
  type EncodedEvent,
  type EventRecord,
} from '../event-record.ts'
import type { AppendResult, StoredEvent } from '../event-store.ts'
import { checkConnection, type PostgreSQLConnection } from './connection.ts'
import type {
  PostgreSQLDriver,
  PostgreSQLQueryable,
  Prepared,
} from './driver.ts'
import { toOpenError, toStoreError } from './postgresql-errors.ts'
import {
  OPEN_DRIVER,
  STREAM_DIGESTS,
  WATCH_APPENDS,
  type DigestsStreams,
  type StopWatching,
  type StreamDigestEntry,
} from '../store-internals.ts'
import { listenForAppends } from './append-notifications.ts'
import {
  ADD_TRANSACTION_ID,
  APPEND,
  APPEND_EVENT,
  APPEND_STATE,
  APPEND_STREAMS,
  COMMITTED_IN_ORDER,
  CREATE_SCHEMA,
  HOLD_APPEND_LOCK,
  SELECT_RECORD,
  SELECT_STREAM_DIGESTS,
  STREAM_VERSION,
  TABLE_COLUMNS,
} from './schema.ts'

/**
 * `connectionString`: a `postgres://` URL; the store opens (and closes) a pool of its own.
 * `pool`: a `pg` pool you own; the store never ends it.
 * `embedded`: PGlite, in process: `true` in memory, a directory path to keep the data there, or a PGlite
 * instance you own (the store never closes it).
 */
export type PostgreSQLEventStoreOptions = StoreOptions &
  PostgreSQLConnection & {
    /**
     * How long, in milliseconds, an append waits for a lock another transaction holds before failing with
     * `DatabaseBusyError` (default 5000). It is the server's `lock_timeout` on the store's own pool; a pool of
     * yours keeps its own setting, and PGlite has no other sessions to wait for.
     */
    busyTimeout?: number
  }

const OPTION_NAMES = [
  ...STORE_OPTION_NAMES,
  'connectionString',
  'pool',
  'embedded',
  'busyTimeout',
] as const

interface AppendStreamsRow {
  written: boolean
  positions: unknown[] | null
  versions: number[]
  stored: StoredIdentity[]
  last_position: number | null
}

interface AppendRow {
  written: boolean
  stream_version: number
  last_position: number | null
  stored: StoredIdentity[]
}

/**
 * An event store in PostgreSQL: a real server for production, or PGlite (the same PostgreSQL, compiled to
 * WebAssembly) for zero-setup lessons and tests. One store, written once against a small driver interface.
 */
export class PostgreSQLEventStore
  extends BaseEventStore<EventRecord>
  implements DigestsStreams
{
  /** Where the store is, safe to print: a redacted URL (`postgres://user:***@host:5432/db`) or the PGlite location. */
  readonly database: string
  readonly busyTimeout: number
  readonly #connect: () => Promise<PostgreSQLDriver>
  #driver: PostgreSQLDriver | undefined
  protected readonly dbSystem = 'postgresql'
  protected readonly dbName: string

  constructor(options: PostgreSQLEventStoreOptions) {
    if (options === null || typeof options !== 'object') {
      throw new InvalidArgumentError(
        `PostgreSQLEventStore expects { connectionString }, { pool } or { embedded }, got ${describe(options)}.`,
      )
    }
    const {
      connectionString,
      pool,
      embedded,
      busyTimeout = 5000,
      ...storeOptions
    } = requireOptions('PostgreSQLEventStore', options, [...OPTION_NAMES])
    requireInteger(
      'PostgreSQLEventStore',
      'busyTimeout',
      busyTimeout,
      0,
      'a whole number of milliseconds, 0 or more',
    )
    const connection = checkConnection(
      { connectionString, pool, embedded },
      busyTimeout,
    )
    super(storeOptions)
    this.database = connection.location
    this.busyTimeout = busyTimeout
    this.dbName = connection.databaseName
    this.#connect = connection.connect
  }

  get isConnected(): boolean {
    return this.#driver !== undefined
  }

  protected async open(): Promise<void> {
    let driver: PostgreSQLDriver | undefined
    try {
      driver = await this.#connect()
      await this.createSchema(driver)
      this.#driver = driver
    } catch (error) {
      await driver?.close().catch(() => undefined)
      throw toOpenError(error, this.database)
    }
  }

  /** Library-internal: the open driver, for the processing stores that share this database. */
  [OPEN_DRIVER](): PostgreSQLDriver {
    this.requireConnection()
    return this.#driver!
  }

  /**
   * Library-internal: appends of every session (LISTEN/NOTIFY), this object's among them. Its own are heard
   * here as well only while notifications may miss them (no trigger, or no listening session), so each
   * append wakes a subscription once.
   */
  override async [WATCH_APPENDS](listener: () => void): Promise<StopWatching> {
    const notifications = await listenForAppends(this[OPEN_DRIVER](), listener)
    const local = await super[WATCH_APPENDS](() => {
      if (!notifications.hearsEveryCommit) listener()
    })
    return async () => (await notifications.stop(), await local())
  }

  /** Library-internal: the streams' digests, computed in SQL, for `migrateEvents` to verify a copy. */
  async [STREAM_DIGESTS](
    streams: readonly { aggregateId: string; aggregateType: string }[],
  ): Promise<StreamDigestEntry[]> {
    this.requireConnection()
    const rows = await this.query<{
      aggregateId: string
      aggregateType: string
      events: number
      version: number
      checksum: string
    }>(SELECT_STREAM_DIGESTS, [
      streams.map((stream) => stream.aggregateId),
      streams.map((stream) => stream.aggregateType),
    ])
    return rows.map(({ aggregateId, aggregateType, ...digest }) => ({
      aggregateId,
      aggregateType,
      digest,
    }))
  }

  protected async shutdown(): Promise<void> {
    const driver = this.#driver
    this.#driver = undefined
    await driver?.close()
  }

  protected async writeBatch(batch: AppendBatch): Promise<AppendResult> {
    try {
      return await appendTo(this.#driver!, encodeBatch(batch))
    } catch (error) {
      throw toStoreError(error, this.database)
    }
  }

  protected async writeBatches(
    batches: AppendBatch[],
  ): Promise<AppendResult[]> {
    const encoded = batches.map(encodeBatch)
    // All of them in one statement when it can: atomic on its own, so no transaction to open and commit.
    let all: AppendResult[] | undefined
    try {
      all = await appendAllTo(this.#driver!, encoded)
    } catch (error) {
      // A unique violation there names no stream: one stream at a time, it does.
      if (!isUniqueViolation(error)) throw toStoreError(error, this.database)
    }
    return all ?? this.writeOneByOne(encoded)
  }

  /**
   * The batches in one transaction, one stream at a time, so one statement after another: the transaction
   * holds the append lock to its commit, so its events still take their positions in one run.
   */
  private async writeOneByOne(
    batches: AppendBatch<EncodedEvent>[],
  ): Promise<AppendResult[]> {
    try {
      return await this.#driver!.transaction(async (tx) => {
        await tx.query(HOLD_APPEND_LOCK)
        const results: AppendResult[] = []
        for (const batch of batches)
          results.push(await appendTo(tx, batch, { inTransaction: true }))
        return results
      })
    } catch (error) {
      throw toStoreError(error, this.database)
    }
  }

  protected async readStream(
    aggregateId: string,
    aggregateType: string,
    fromVersion: number,
  ): Promise<EventRecord[]> {
    return this.query<EventRecord>(
      `${SELECT_RECORD} WHERE aggregate_id = $1 AND aggregate_type = $2 AND aggregate_version > $3 ORDER BY aggregate_version`,
      [aggregateId, aggregateType, fromVersion],
    )
  }

  protected async readPage(query: PageQuery): Promise<EventRecord[]> {
    const { sql, params } = pageQuery(query)
    return this.query<EventRecord>(sql, params)
  }

  protected eventOf(record: EventRecord): DomainEvent {
    return decodeEvent(record, this.eventRegistry)
  }

  protected storedEventOf(record: EventRecord): StoredEvent {
    return decodeRecord(record, this.eventRegistry)
  }

  protected positionOf(record: EventRecord): number {
    return record.globalPosition
  }

  protected async streamVersion(
    aggregateId: string,
    aggregateType: string,
  ): Promise<number> {
    const [row] = await this.query<{ version: number }>(STREAM_VERSION, [
      aggregateId,
      aggregateType,
    ])
    return row!.version
  }

  protected async hasEvent(eventId: string): Promise<boolean> {
    // Only UUIDs are stored; anything else is not there (and is no valid uuid parameter).
    if (!UUID.test(eventId)) return false
    return (
      (await this.query('SELECT 1 FROM events WHERE event_id = $1', [eventId]))
        .length > 0
    )
  }

  protected async lastPosition(): Promise<number> {
    const [row] = await this.query<{ position: number }>(
      `SELECT coalesce(max(global_position), 0) AS position FROM events WHERE ${COMMITTED_IN_ORDER}`,
    )
    return row!.position
  }

  protected async countUpTo(end: number): Promise<number> {
    const [row] = await this.query<{ count: number }>(
      'SELECT count(*) AS count FROM events WHERE global_position <= $1',
      [end],
    )
    return row!.count
  }

  private async query<R>(
    sql: string | Prepared,
    params?: readonly unknown[],
  ): Promise<R[]> {
    try {
      return await this.#driver!.query<R>(sql, params)
    } catch (error) {
      throw toStoreError(error, this.database)
    }
  }

  private async createSchema(driver: PostgreSQLDriver): Promise<void> {
    await driver.transaction(async (tx) => {
      for (const statement of CREATE_SCHEMA) await tx.query(statement)
      const columns = (await tx.query<{ name: string }>(TABLE_COLUMNS)).map(
        (row) => row.name,
      )
      checkEventTable(this.database, columns, 'Use another database or schema.')
      await tx.query(ADD_TRANSACTION_ID)
    })
  }
}

/**
 * One append, through a server-side function. It writes in the plain case; otherwise planAppend decides
 * from what the function saw: a conflict, a retry already stored, or a partial retry, whose unstored
 * events go round again (fewer each time). An insert refused by a unique index goes round again too when
 * the stream as it is then lets it write, as long as the stream moved on (so this ends).
 */
async function appendTo(
  db: PostgreSQLQueryable,
  batch: AppendBatch<EncodedEvent>,
  { inTransaction = false } = {},
): Promise<AppendResult> {
  let events = batch.events
  let skipped = 0
  let refusedAt: number | undefined // the stream's version after the last refused insert
  for (;;) {
    const { row, refused } = await callAppend(db, batch, events, inTransaction)
    if (row.written)
      return {
        newVersion: row.stream_version,
        globalPosition: row.last_position!,
        skipped,
      }
    const plan = planAppend(
      { ...batch, events },
      row.stream_version,
      row.stored,
      () => row.last_position ?? 0,
    )
    if (!plan.write)
      return { ...plan.result, skipped: skipped + plan.result.skipped }
    // Refused by a unique index with none of its ids stored, yet the stream as it is lets it write: a writer
    // took the version this append was to write, which ANY and STREAM_EXISTS allow for, so it tries
    // again on the stream as it now is. When the stream did not move on since the last refusal, something else
    // refuses the insert (such as a position taken by a writer outside the functions): a conflict.
    if (refused && plan.skipped === 0) {
      if (refusedAt !== undefined && row.stream_version <= refusedAt)
        throw new OptimisticLockError(
          batch.aggregateId,
          batch.aggregateType,
          batch.expectedVersion,
          row.stream_version,
        )
      refusedAt = row.stream_version
    }
    events = plan.events
    skipped += plan.skipped
  }
}

/**
 * Calls the append function for `events`: the one-event function for one. When its insert fails on a
 * unique index (an id is stored, or another append to the stream came first), it returns what the store
 * then finds, as the function does when it writes nothing, marked `refused`, for planAppend and appendTo to
 * decide. In a transaction, a savepoint keeps the transaction usable after the failed insert.
 */
async function callAppend(
  db: PostgreSQLQueryable,
  batch: AppendBatch<EncodedEvent>,
  events: readonly EncodedEvent[],
  inTransaction: boolean,
): Promise<{ row: AppendRow; refused?: boolean }> {
  const { aggregateId, aggregateType, expectedVersion } = batch
  const [statement, params] =
    events.length === 1
      ? [APPEND_EVENT, eventParams(events[0]!)]
      : [APPEND, [eventsJson(events.map((event) => eventRow(event)))]]
  if (inTransaction) await db.query('SAVEPOINT eventsource_append')
  try {
    const [row] = await db.query<AppendRow>(statement, [
      aggregateId,
      aggregateType,
      expectedVersion,
      ...params,
    ])
    return { row: row! }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    if (inTransaction)
      await db.query('ROLLBACK TO SAVEPOINT eventsource_append')
    const [row] = await db.query<AppendRow>(APPEND_STATE, [
      aggregateId,
      aggregateType,
      events.map((event) => event.eventId),
    ])
    return { row: row!, refused: true }
  }
}

/**
 * Several appends in one statement, when each has events and no id comes twice in the call. The function
 * writes them all in the plain case. Otherwise, when planAppend finds that none of them would write (a
 * retried call), or that the first to differ is refused, that is the answer too. Undefined when some append
 * would write after all: the caller then appends one stream at a time.
 */
async function appendAllTo(
  db: PostgreSQLQueryable,
  batches: readonly AppendBatch<EncodedEvent>[],
): Promise<AppendResult[] | undefined> {
  const events = batches.flatMap((batch) => batch.events)
  if (
    events.length === 0 ||
    batches.some((batch) => batch.events.length === 0) ||
    new Set(events.map((e) => e.eventId)).size !== events.length
  )
    return undefined
  const [row] = await db.query<AppendStreamsRow>(APPEND_STREAMS, [
    batches.map((batch) => batch.aggregateId),
    batches.map((batch) => batch.aggregateType),
    batches.map((batch) => batch.expectedVersion),
    batches.map((batch) => batch.events.length),
    eventsJson(
      batches.flatMap((batch, index) =>
        batch.events.map((event, offset) =>
          eventRow(event, `"append":${index + 1},"offset":${offset + 1},`),
        ),
      ),
    ),
  ])
  const { written, positions, versions, stored, last_position } = row!
  if (written) {
    let last = -1
    return batches.map((batch, index) => {
      last += batch.events.length
      // Array elements of BIGINT come back as text from pg.
      return {
        newVersion: versions[index]! + batch.events.length,
        globalPosition: Number(positions![last]),
        skipped: 0,
      }
    })
  }
  const results: AppendResult[] = []
  for (const [index, batch] of batches.entries()) {
    const ids = new Set(batch.events.map((event) => event.eventId))
    // Nothing before this append writes, so the state the function saw is the state it meets: planAppend's
    // answer (a result, or an error) is final.
    const plan = planAppend(
      batch,
      versions[index]!,
      stored.filter((identity) => ids.has(identity.eventId)),
      () => last_position ?? 0,
    )
    if (plan.write) return undefined
    results.push(plan.result)
  }
  return results
}

/** The one-event function's event parameters, one a column, in their order after the stream's. */
const EVENT_PARAMETERS = [
  'eventId',
  'eventType',
  'eventVersion',
  'tenantId',
  'actorId',
  'correlationId',
  'causationId',
  'occurredAt',
  'payload',
  'metadata',
] as const satisfies readonly (keyof EncodedEvent)[]

const eventParams = (event: EncodedEvent): unknown[] =>
  EVENT_PARAMETERS.map((key) => event[key])

/**
 * An event as the functions that take several take it: a JSON object keyed by column (`EVENT_ROWS` in
 * ./schema.ts), `place` its first members. The id and time are a UUID and an ISO time (nothing to escape),
 * the payload and metadata JSON already.
 */
const eventRow = (event: EncodedEvent, place = '') =>
  `{${place}"event_id":"${event.eventId}",` +
  `"event_type":${json(event.eventType)},` +
  `"event_version":${event.eventVersion},` +
  `"tenant_id":${json(event.tenantId)},` +
  `"actor_id":${json(event.actorId)},` +
  `"correlation_id":${json(event.correlationId)},` +
  `"causation_id":${json(event.causationId)},` +
  `"occurred_at":"${event.occurredAt}",` +
  `"payload":${event.payload},` +
  `"metadata":${event.metadata}}`

const json = JSON.stringify

/** The events of a batch, in one parameter, so a batch of any size is one statement. */
const eventsJson = (rows: string[]) => `[${rows.join(',')}]`

/** The SQL of one `readAll` page. */
function pageQuery({
  above,
  below,
  direction,
  size,
  eventTypes,
  aggregateTypes,
  tenantId,
}: PageQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [above]
  const where = ['global_position > $1', COMMITTED_IN_ORDER]
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value)
    where.push(condition(`$${params.length}`))
  }
  if (below !== undefined) add((p) => `global_position < ${p}`, below)
  if (eventTypes) add((p) => `event_type = ANY (${p}::text[])`, eventTypes)
  if (aggregateTypes)
    add((p) => `aggregate_type = ANY (${p}::text[])`, aggregateTypes)
  if (tenantId !== undefined) add((p) => `tenant_id = ${p}`, tenantId)
  params.push(size)
  const order = direction === 'forward' ? 'ASC' : 'DESC'
  return {
    sql: `${SELECT_RECORD} WHERE ${where.join(' AND ')} ORDER BY global_position ${order} LIMIT $${params.length}`,
    params,
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === '23505'
}
