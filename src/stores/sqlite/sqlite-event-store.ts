import { InvalidArgumentError } from '../../errors.ts'
import { describe, type DomainEvent } from '../../events/domain-event.ts'
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
} from '../event-record.ts'
import type { AppendResult, StoredEvent } from '../event-store.ts'
import { openSQLite, watchDatabase } from '#sqlite-engine'
import type {
  SQLiteDriver,
  SQLiteEngineModule,
  SQLiteStatement,
  SQLiteValuesStatement,
  SqlValue,
} from './driver.ts'
import {
  CREATE_SCHEMA,
  INSERT_EVENT,
  recordOf,
  rowPosition,
  SCHEMA_VERSION,
  SELECT_RECORD,
} from './schema.ts'
import { toStoreError } from './sqlite-errors.ts'
import {
  OPEN_DRIVER,
  WATCH_APPENDS,
  type StopWatching,
} from '../store-internals.ts'

export type SQLiteSynchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA'

export interface SQLiteEventStoreOptions extends StoreOptions {
  /** Write-ahead logging, for readers that never block the writer (default true; not possible for `:memory:`). */
  walMode?: boolean
  /** How long, in milliseconds, to wait for another connection's lock before failing (default 5000). */
  busyTimeout?: number
  /** SQLite's `synchronous` pragma: NORMAL by default in WAL mode (safe from app crashes), FULL otherwise. */
  synchronous?: SQLiteSynchronous
}

export interface SQLiteEventStoreConfig extends SQLiteEventStoreOptions {
  /** A file path, or `':memory:'` for a database that lives only while the store is open. */
  database: string
}

const OPTION_NAMES = [
  ...STORE_OPTION_NAMES,
  'walMode',
  'busyTimeout',
  'synchronous',
] as const
const SYNCHRONOUS: readonly SQLiteSynchronous[] = [
  'OFF',
  'NORMAL',
  'FULL',
  'EXTRA',
]

interface Statements {
  streamVersion: SQLiteStatement
  storedById: SQLiteStatement
  storedByIds: SQLiteStatement
  insert: SQLiteStatement
  readStream: SQLiteValuesStatement
  hasEvent: SQLiteStatement
  lastPosition: SQLiteStatement
  countUpTo: SQLiteStatement
  pages: Map<string, SQLiteValuesStatement>
}

/** An event store in a SQLite file, or in memory: zero set-up, for development, tests and embedded apps. */
export class SQLiteEventStore extends BaseEventStore<SqlValue[]> {
  /**
   * The engine the stores of this class open their databases with: the environment's (better-sqlite3 on
   * Node.js, sqlite-wasm in a browser bundle; see driver.ts). A subclass may plug in another.
   */
  protected static readonly engine: SQLiteEngineModule = {
    open: openSQLite,
    watch: watchDatabase,
  }

  readonly database: string
  readonly busyTimeout: number
  readonly synchronous: SQLiteSynchronous
  readonly #walMode: boolean
  #driver: SQLiteDriver | undefined
  #sql: Statements | undefined
  protected readonly dbSystem = 'sqlite'

  constructor(database: string, options?: SQLiteEventStoreOptions)
  constructor(config: SQLiteEventStoreConfig)
  constructor(
    databaseOrConfig: string | SQLiteEventStoreConfig,
    maybeOptions?: SQLiteEventStoreOptions,
  ) {
    const byConfig =
      typeof databaseOrConfig === 'object' && databaseOrConfig !== null
    const { database, ...options } = byConfig
      ? requireOptions('SQLiteEventStore', databaseOrConfig, [
          'database',
          ...OPTION_NAMES,
        ])
      : {
          database: databaseOrConfig,
          ...requireOptions('SQLiteEventStore', maybeOptions, [
            ...OPTION_NAMES,
          ]),
        }
    if (byConfig && maybeOptions !== undefined)
      throw new InvalidArgumentError(
        'SQLiteEventStore: pass options either in the config object or as the second argument, not both.',
      )
    if (typeof database !== 'string' || database === '') {
      throw new InvalidArgumentError(
        `SQLiteEventStore: database must be a file path or ':memory:', got ${describe(database)}.`,
      )
    }
    super(options)
    const { walMode = true, busyTimeout = 5000, synchronous } = options
    if (typeof walMode !== 'boolean')
      throw new InvalidArgumentError(
        `SQLiteEventStore: walMode must be true or false, got ${describe(walMode)}.`,
      )
    requireInteger(
      'SQLiteEventStore',
      'busyTimeout',
      busyTimeout,
      0,
      'a whole number of milliseconds, 0 or more',
    )
    if (synchronous !== undefined && !SYNCHRONOUS.includes(synchronous)) {
      throw new InvalidArgumentError(
        `SQLiteEventStore: synchronous must be one of ${SYNCHRONOUS.join(', ')}, got ${describe(synchronous)}.`,
      )
    }
    this.database = database
    this.busyTimeout = busyTimeout
    this.#walMode = walMode
    this.synchronous = synchronous ?? (this.walMode ? 'NORMAL' : 'FULL')
  }

  /** Whether the store uses write-ahead logging: false for `:memory:`, where SQLite cannot. */
  get walMode(): boolean {
    return this.#walMode && !this.inMemory
  }

  get isConnected(): boolean {
    return this.#driver !== undefined
  }

  get #engine(): SQLiteEngineModule {
    return (this.constructor as typeof SQLiteEventStore).engine
  }

  protected get dbName(): string {
    return this.database
  }

  private get inMemory(): boolean {
    return this.database === ':memory:'
  }

  protected async open(): Promise<void> {
    let driver: SQLiteDriver | undefined
    try {
      driver = await this.#engine.open(this.database, {
        busyTimeout: this.busyTimeout,
      })
      if (this.walMode) driver.prepare('PRAGMA journal_mode = WAL').get()
      driver.exec(`PRAGMA synchronous = ${this.synchronous}`)
      this.createSchema(driver)
      this.#sql = prepareStatements(driver)
      this.#driver = driver
    } catch (error) {
      driver?.close()
      throw this.storeError(error)
    }
  }

  /** Library-internal: the open connection, for the processing stores that share this database. */
  [OPEN_DRIVER](): SQLiteDriver {
    this.requireConnection()
    return this.#driver!
  }

  /**
   * Library-internal: appends through this object, and, for a file, commits of other connections. The file
   * changes for this object's appends too, and for writes that append nothing (a checkpoint saved, say), so
   * the listener is called only when the log has grown since it was last called: once an append.
   */
  override async [WATCH_APPENDS](listener: () => void): Promise<StopWatching> {
    if (this.inMemory) return super[WATCH_APPENDS](listener)
    let heard = this.isConnected ? this.lastPosition() : 0
    const grown = () => {
      if (!this.isConnected) return
      let head: number
      try {
        head = this.lastPosition()
      } catch {
        return listener() // a log it cannot read now: the subscription finds out
      }
      if (head <= heard) return
      heard = head
      listener()
    }
    const local = await super[WATCH_APPENDS](grown)
    const file = this.#engine.watch(this.database, grown)
    return async () => (file(), await local())
  }

  protected shutdown(): void {
    const driver = this.#driver
    this.#driver = undefined
    this.#sql = undefined
    driver?.close()
  }

  protected writeBatch(batch: AppendBatch): AppendResult {
    return this.writeBatches([batch])[0]!
  }

  protected writeBatches(batches: AppendBatch[]): AppendResult[] {
    const encoded = batches.map(encodeBatch)
    return this.guard(() =>
      this.#driver!.transaction(() =>
        encoded.map((batch) => this.writeInTransaction(batch)),
      ),
    )
  }

  private writeInTransaction(batch: AppendBatch<EncodedEvent>): AppendResult {
    const sql = this.#sql!
    const current = version(
      sql.streamVersion.get(batch.aggregateId, batch.aggregateType),
    )
    const stored = (batch.events.length === 1
      ? sql.storedById.all(batch.events[0]!.eventId)
      : sql.storedByIds.all(
          JSON.stringify(batch.events.map((e) => e.eventId)),
        )) as unknown as StoredIdentity[]
    const plan = planAppend(batch, current, stored, () =>
      position(sql.lastPosition.get()),
    )
    if (!plan.write) return plan.result
    const storedAt = new Date().toISOString()
    let globalPosition = 0
    plan.events.forEach((e, index) => {
      const { lastInsertRowid } = sql.insert.run(
        e.eventId,
        e.eventType,
        e.eventVersion,
        e.aggregateId,
        e.aggregateType,
        plan.firstVersion + index,
        e.tenantId,
        e.actorId,
        e.correlationId,
        e.causationId,
        e.occurredAt,
        storedAt,
        e.payload,
        e.metadata,
      )
      globalPosition = Number(lastInsertRowid)
    })
    return {
      newVersion: plan.firstVersion + plan.events.length - 1,
      globalPosition,
      skipped: plan.skipped,
    }
  }

  protected readStream(
    aggregateId: string,
    aggregateType: string,
    fromVersion: number,
  ): SqlValue[][] {
    return this.guard(() =>
      this.#sql!.readStream.values(aggregateId, aggregateType, fromVersion),
    )
  }

  protected readPage(query: PageQuery): SqlValue[][] {
    const { sql, params } = pageQuery(query)
    const pages = this.#sql!.pages
    let statement = pages.get(sql)
    if (!statement)
      pages.set(
        sql,
        (statement = this.guard(() => this.#driver!.prepareValues(sql))),
      )
    return this.guard(() => statement.values(...params))
  }

  protected eventOf(row: SqlValue[]): DomainEvent {
    return decodeEvent(recordOf(row), this.eventRegistry)
  }

  protected storedEventOf(row: SqlValue[]): StoredEvent {
    return decodeRecord(recordOf(row), this.eventRegistry)
  }

  protected positionOf(row: SqlValue[]): number {
    return rowPosition(row)
  }

  protected streamVersion(aggregateId: string, aggregateType: string): number {
    return this.guard(() =>
      version(this.#sql!.streamVersion.get(aggregateId, aggregateType)),
    )
  }

  protected hasEvent(eventId: string): boolean {
    return this.guard(() => this.#sql!.hasEvent.get(eventId) !== undefined)
  }

  protected lastPosition(): number {
    return this.guard(() => position(this.#sql!.lastPosition.get()))
  }

  protected countUpTo(end: number): number {
    return this.guard(() => Number(this.#sql!.countUpTo.get(end)?.count ?? 0))
  }

  private createSchema(driver: SQLiteDriver): void {
    driver.transaction(() => {
      driver.exec(CREATE_SCHEMA)
      const columns = driver
        .prepare('PRAGMA table_info(events)')
        .all()
        .map((row) => String(row.name))
      checkEventTable(this.database, columns, 'Use another database file.')
      const userVersion = driver
        .prepare('PRAGMA user_version')
        .get()?.user_version
      if (userVersion === 0)
        driver.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`)
    })
  }

  private guard<T>(work: () => T): T {
    try {
      return work()
    } catch (error) {
      throw this.storeError(error)
    }
  }

  private storeError(error: unknown): unknown {
    return toStoreError(error, this.database, this.busyTimeout)
  }
}

function prepareStatements(driver: SQLiteDriver): Statements {
  const stream = 'FROM events WHERE aggregate_id = ? AND aggregate_type = ?'
  const identity =
    'SELECT event_id AS eventId, aggregate_id AS aggregateId, aggregate_type AS aggregateType, global_position AS globalPosition FROM events'
  return {
    streamVersion: driver.prepare(
      `SELECT aggregate_version AS version ${stream} ORDER BY aggregate_version DESC LIMIT 1`,
    ),
    storedById: driver.prepare(`${identity} WHERE event_id = ?`),
    storedByIds: driver.prepare(
      `${identity} WHERE event_id IN (SELECT value FROM json_each(?))`,
    ),
    insert: driver.prepare(INSERT_EVENT),
    readStream: driver.prepareValues(
      `${SELECT_RECORD} WHERE aggregate_id = ? AND aggregate_type = ? AND aggregate_version > ? ORDER BY aggregate_version`,
    ),
    hasEvent: driver.prepare('SELECT 1 FROM events WHERE event_id = ?'),
    lastPosition: driver.prepare(
      'SELECT MAX(global_position) AS position FROM events',
    ),
    countUpTo: driver.prepare(
      'SELECT count(*) AS count FROM events WHERE global_position <= ?',
    ),
    pages: new Map(),
  }
}

const JSON_LIST = '(SELECT value FROM json_each(?))'

/** The SQL of one `readAll` page. Lists travel as one JSON parameter, so each shape is one cached statement. */
function pageQuery({
  above,
  below,
  direction,
  size,
  eventTypes,
  aggregateTypes,
  tenantId,
}: PageQuery): { sql: string; params: SqlValue[] } {
  const where = ['global_position > ?']
  const params: SqlValue[] = [above]
  const add = (condition: string, value: SqlValue) => {
    where.push(condition)
    params.push(value)
  }
  if (below !== undefined) add('global_position < ?', below)
  if (eventTypes) add(`event_type IN ${JSON_LIST}`, JSON.stringify(eventTypes))
  if (aggregateTypes)
    add(`aggregate_type IN ${JSON_LIST}`, JSON.stringify(aggregateTypes))
  if (tenantId !== undefined) add('tenant_id = ?', tenantId)
  params.push(size)
  const order = direction === 'forward' ? 'ASC' : 'DESC'
  return {
    sql: `${SELECT_RECORD} WHERE ${where.join(' AND ')} ORDER BY global_position ${order} LIMIT ?`,
    params,
  }
}

function version(row: { version?: unknown } | undefined): number {
  return Number(row?.version ?? 0)
}

function position(row: { position?: unknown } | undefined): number {
  return Number(row?.position ?? 0)
}
