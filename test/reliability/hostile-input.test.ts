// Hostile and bad input across the public API, as one table: each case must fail with its documented
// typed error and message, and leave the storage exactly as it was.
import { execFile } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  AggregateNotFoundError,
  AggregateRepository,
  DatabaseBusyError,
  defineEvent,
  DuplicateEventIdError,
  DuplicateEventTypeError,
  EventRegistry,
  EventSerializationError,
  EventSourceError,
  EventTypeNotFoundError,
  EventValidationError,
  EventVersionError,
  InMemoryEventStore,
  InvalidArgumentError,
  NotConnectedError,
  OptimisticLockError,
  PostgreSQLEventStore,
  registerEvent,
  SQLiteEventStore,
  StoreConnectionError,
  StoreError,
  type DomainEvent,
  type StoredEvent,
} from 'eventsource-ts'
import {
  NoteAggregate,
  NoteCreated,
  NoteUpdated,
  notesRegistry,
} from '../support/notes.ts'
import { bundleChild } from './support/child-process.ts'
import { snapshotDirectory } from './support/storage-snapshot.ts'

const run = promisify(execFile)
const root = mkdtempSync(join(tmpdir(), 'es-hostile-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const template = join(root, 'template.db')
let probe: string
beforeAll(async () => {
  const store = new SQLiteEventStore(template, { eventRegistry: notesRegistry })
  await store.initialize()
  await store.appendEvents({
    aggregateId: 'note-1',
    aggregateType: 'Note',
    events: [
      note('note-1'),
      new NoteUpdated({ aggregateId: 'note-1', content: 'v2' }),
    ],
    expectedVersion: 0,
  })
  await store.close()
  probe = await bundleChild(
    new URL('./support/write-probe.ts', import.meta.url),
  )
})

function note(
  aggregateId: string,
  fields: Record<string, unknown> = {},
): DomainEvent {
  return new NoteCreated({
    aggregateId,
    title: 'title',
    content: 'content',
    ...fields,
  } as never)
}

/** What a case works on: its own directory holding `events.db` (two Note events), and a store open on it. */
interface CaseContext {
  dir: string
  file: string
  store: SQLiteEventStore
  /** Runs SQL on the file through a second connection: a write behind the store's back. */
  behindTheStoresBack(sql: string, ...params: unknown[]): void
  /** Runs after the case, whatever happened. */
  finally(cleanup: () => void): void
}

interface HostileCase {
  name: string
  /** Sets the scene (corrupt a row, hold a lock) before the storage is snapshotted. */
  arrange?(ctx: CaseContext): void | Promise<void>
  act(ctx: CaseContext): unknown
  error: new (...args: never[]) => EventSourceError
  message: RegExp
}

const append = (
  store: SQLiteEventStore,
  events: unknown,
  extra: Record<string, unknown> = {},
) =>
  store.appendEvents({
    aggregateId: 'note-2',
    aggregateType: 'Note',
    events,
    expectedVersion: 0,
    ...extra,
  } as never)
const appendNote = (ctx: CaseContext, fields: Record<string, unknown>) =>
  append(ctx.store, [note('note-2', fields)])
const collect = async (iterable: AsyncIterable<StoredEvent>) => {
  const all: StoredEvent[] = []
  for await (const stored of iterable) all.push(stored)
  return all
}
const circular: Record<string, unknown> = { name: 'loop' }
circular.self = circular
const MB = 'x'.repeat(1024 * 1024)

/**
 * Runs the write probe so that file permissions apply to it. Root ignores them through two capabilities;
 * as root the probe runs without those (still as root, so it can read the repository wherever it is).
 */
async function probeWithoutPrivileges(database: string): Promise<void> {
  const drop = '-dac_override,-dac_read_search,-fowner'
  const node =
    process.getuid?.() === 0
      ? [
          'setpriv',
          `--bounding-set=${drop}`,
          `--inh-caps=${drop}`,
          '--',
          process.execPath,
        ]
      : [process.execPath]
  const { stdout } = await run(node[0]!, [...node.slice(1), probe, database])
  const report = JSON.parse(stdout) as {
    fileWritable: boolean
    directoryWritable: boolean
    outcome: 'written' | { name: string; message: string }
  }
  // Proves the case tests what it says: the probe really could not write.
  expect(report.fileWritable && report.directoryWritable).toBe(false)
  if (report.outcome === 'written')
    throw new Error('the probe wrote to a read-only database')
  const ErrorClass = { StoreError, StoreConnectionError }[report.outcome.name]
  throw Object.assign(
    Object.create((ErrorClass ?? Error).prototype) as Error,
    report.outcome,
  )
}

const cases: HostileCase[] = [
  // --- events: wrong types, odd strings, non-JSON metadata, bad dates (rejected on construction) ---
  {
    name: 'a payload field of the wrong type',
    act: (c) => appendNote(c, { title: 42 }),
    error: EventValidationError,
    message:
      /Invalid NoteCreated event: title: Invalid input: expected string, received number/,
  },
  {
    name: 'no aggregateId',
    act: (c) => appendNote(c, { aggregateId: undefined }),
    error: EventValidationError,
    message: /aggregateId: expected a string, got undefined/,
  },
  {
    name: 'an empty aggregateId',
    act: (c) => appendNote(c, { aggregateId: '' }),
    error: EventValidationError,
    message: /aggregateId: must not be empty/,
  },
  {
    name: 'an aggregateId with a NUL',
    act: (c) => appendNote(c, { aggregateId: 'note\u0000-2' }),
    error: EventValidationError,
    message: /aggregateId: is a string with a NUL character/,
  },
  {
    name: 'an aggregateId over 1024 bytes',
    act: (c) => appendNote(c, { aggregateId: 'é'.repeat(513) }),
    error: EventValidationError,
    message:
      /aggregateId: is 1026 bytes long \(UTF-8\), over the 1024 bytes every store can index/,
  },
  {
    name: 'an aggregate type over 1024 bytes',
    act: () =>
      defineEvent({
        eventType: 'Long',
        aggregateType: '☃'.repeat(342),
        schema: z.object({}),
        registry: false,
      }),
    error: InvalidArgumentError,
    message: /aggregateType is 1026 bytes long/,
  },
  {
    name: 'a payload string with a NUL',
    act: (c) => appendNote(c, { title: 'a\u0000b' }),
    error: EventValidationError,
    message: /title: a string with a NUL character/,
  },
  {
    name: 'a payload string with a lone surrogate',
    act: (c) => appendNote(c, { content: 'bad \ud800 half' }),
    error: EventValidationError,
    message: /content: a string with a lone UTF-16 surrogate/,
  },
  {
    name: 'a 1 MB tenantId with a NUL at the end',
    act: (c) => appendNote(c, { tenantId: `${MB}\u0000` }),
    error: EventValidationError,
    message: /tenantId: is a string with a NUL/,
  },
  {
    name: 'fields that are not an object',
    act: () => new NoteCreated('title' as never),
    error: EventValidationError,
    message: /\(event\): expected an object of fields, got "title"/,
  },
  {
    name: "an eventType that is not the class's",
    act: (c) => appendNote(c, { eventType: 'NoteDeleted' }),
    error: EventValidationError,
    message:
      /eventType: is "NoteCreated" for this event type, got "NoteDeleted"/,
  },
  {
    name: 'an eventId that is no UUID',
    act: (c) => appendNote(c, { eventId: "1'; DROP TABLE events; --" }),
    error: EventValidationError,
    message: /eventId: expected a UUID/,
  },
  {
    name: 'an aggregateVersion of 0',
    act: (c) => appendNote(c, { aggregateVersion: 0 }),
    error: EventValidationError,
    message: /aggregateVersion: expected an integer of 1 or more, got 0/,
  },
  {
    name: 'a fractional eventVersion',
    act: (c) => appendNote(c, { eventVersion: 1.5 }),
    error: EventValidationError,
    message: /eventVersion: expected an integer of 1 or more, got 1.5/,
  },
  {
    name: 'metadata holding a function',
    act: (c) => appendNote(c, { metadata: { callback: () => 1 } }),
    error: EventValidationError,
    message: /metadata.callback: a function cannot be stored as JSON/,
  },
  {
    name: 'metadata with a cycle',
    act: (c) => appendNote(c, { metadata: { loop: circular } }),
    error: EventValidationError,
    message:
      /metadata.loop.self: a circular reference cannot be stored as JSON/,
  },
  {
    name: 'metadata holding a BigInt',
    act: (c) => appendNote(c, { metadata: { big: 10n ** 30n } }),
    error: EventValidationError,
    message: /metadata.big: a BigInt cannot be stored as JSON/,
  },
  {
    name: 'metadata holding NaN',
    act: (c) => appendNote(c, { metadata: { ratio: Number.NaN } }),
    error: EventValidationError,
    message: /metadata.ratio: NaN is not a finite number/,
  },
  {
    name: 'metadata holding Infinity deep down',
    act: (c) => appendNote(c, { metadata: { a: [{ b: -Infinity }] } }),
    error: EventValidationError,
    message: /metadata.a.0.b: -Infinity is not a finite number/,
  },
  {
    name: 'metadata holding a Date',
    act: (c) => appendNote(c, { metadata: { at: new Date() } }),
    error: EventValidationError,
    message: /metadata.at: a Date cannot be stored as JSON as it is/,
  },
  {
    name: 'metadata holding a Map',
    act: (c) => appendNote(c, { metadata: { tags: new Map() } }),
    error: EventValidationError,
    message: /metadata.tags: a Map cannot be stored as JSON/,
  },
  {
    name: 'metadata that is an array',
    act: (c) => appendNote(c, { metadata: ['a'] }),
    error: EventValidationError,
    message: /metadata: expected a plain object, got an array/,
  },
  {
    name: 'a metadata key with a NUL',
    act: (c) => appendNote(c, { metadata: { 'k\u0000': 1 } }),
    error: EventValidationError,
    message: /the key is a string with a NUL/,
  },
  {
    name: 'an occurredAt in the future',
    act: (c) => appendNote(c, { occurredAt: new Date(Date.now() + 3_600_000) }),
    error: EventValidationError,
    message: /occurredAt: is in the future/,
  },
  {
    name: 'an occurredAt that is no date',
    act: (c) => appendNote(c, { occurredAt: 'yesterday' }),
    error: EventValidationError,
    message: /occurredAt: is not a valid date: "yesterday"/,
  },
  {
    name: 'an Invalid Date',
    act: (c) => appendNote(c, { occurredAt: new Date(Number.NaN) }),
    error: EventValidationError,
    message: /occurredAt: is not a valid date: Invalid Date/,
  },
  {
    name: 'an occurredAt past the year 9999',
    act: (c) => appendNote(c, { occurredAt: '+010000-01-01T00:00:00.000Z' }),
    error: EventValidationError,
    message: /occurredAt: must fall between the years 0001 and 9999/,
  },
  {
    name: 'an occurredAt that is a number',
    act: (c) => appendNote(c, { occurredAt: 1_700_000_000_000 }),
    error: EventValidationError,
    message:
      /occurredAt: expected a Date or an ISO-8601 string, got 1700000000000/,
  },

  // --- appendEvents: wrong arguments ---
  {
    name: 'appendEvents(null)',
    act: (c) => c.store.appendEvents(null as never),
    error: InvalidArgumentError,
    message:
      /appendEvents expects \{ aggregateId, aggregateType, events, expectedVersion \}, got null/,
  },
  {
    name: 'a numeric aggregateId',
    act: (c) => append(c.store, [], { aggregateId: 42 }),
    error: InvalidArgumentError,
    message: /appendEvents: aggregateId must be a non-empty string, got 42/,
  },
  {
    name: 'a blank aggregateType',
    act: (c) => append(c.store, [], { aggregateType: '   ' }),
    error: InvalidArgumentError,
    message: /appendEvents: aggregateType must be a non-empty string/,
  },
  {
    name: 'expectedVersion as a string',
    act: (c) => append(c.store, [note('note-2')], { expectedVersion: '0' }),
    error: InvalidArgumentError,
    message:
      /expectedVersion must be ExpectedVersion.ANY, NO_STREAM, STREAM_EXISTS or a version of 0 or more, got "0"/,
  },
  {
    name: 'expectedVersion of -3',
    act: (c) => append(c.store, [note('note-2')], { expectedVersion: -3 }),
    error: InvalidArgumentError,
    message: /expectedVersion .* got -3/,
  },
  {
    name: 'expectedVersion NaN',
    act: (c) =>
      append(c.store, [note('note-2')], { expectedVersion: Number.NaN }),
    error: InvalidArgumentError,
    message: /expectedVersion .* got NaN/,
  },
  {
    name: 'events that are not an array',
    act: (c) => append(c.store, note('note-2')),
    error: InvalidArgumentError,
    message: /events must be an array of events, got a NoteCreated/,
  },
  {
    name: 'an event look-alike of plain data',
    act: (c) => append(c.store, [{ ...note('note-2').toJSON() }]),
    error: InvalidArgumentError,
    message: /events\[0\] is an object, not an event made by an event class/,
  },
  {
    name: 'an event of another stream',
    act: (c) => append(c.store, [note('note-2'), note('note-3')]),
    error: InvalidArgumentError,
    message:
      /events\[1\] \(NoteCreated\) belongs to Note note-3, not to the stream Note note-2/,
  },
  {
    name: 'the same event twice in a batch',
    act: (c) => {
      const e = note('note-2')
      return append(c.store, [e, e])
    },
    error: InvalidArgumentError,
    message: /event id .* appears twice in the batch/,
  },
  {
    name: 'an event type the registry lacks',
    act: (c) =>
      append(c.store, [
        new (defineEvent({
          eventType: 'NoteArchived',
          aggregateType: 'Note',
          schema: z.object({}),
          registry: false,
        }))({ aggregateId: 'note-2' }),
      ]),
    error: EventTypeNotFoundError,
    message:
      /Unknown event type "NoteArchived". Registered types: NoteCreated, NoteUpdated. Register it with registerEvent/,
  },
  {
    name: 'a stale expected version',
    act: (c) =>
      c.store.appendEvents({
        aggregateId: 'note-1',
        aggregateType: 'Note',
        events: [new NoteUpdated({ aggregateId: 'note-1', content: 'late' })],
        expectedVersion: 1,
      }),
    error: OptimisticLockError,
    message:
      /Concurrency conflict on Note note-1: expected version 1, but the stream is at version 2. Nothing was written/,
  },
  {
    name: 'an event id already stored in another stream',
    act: async (c) => {
      const [stored] = await collect(c.store.readAll({ limit: 1 }))
      return appendNote(c, { eventId: stored!.event.eventId })
    },
    error: DuplicateEventIdError,
    message: /Event id .* is already stored in another stream than Note note-2/,
  },

  // --- reads: wrong arguments ---
  {
    name: 'getEvents without an id',
    act: (c) => c.store.getEvents(undefined as never, 'Note'),
    error: InvalidArgumentError,
    message: /getEvents: aggregateId must be a non-empty string, got undefined/,
  },
  {
    name: 'a negative fromVersion',
    act: (c) => c.store.getEvents('note-1', 'Note', { fromVersion: -1 }),
    error: InvalidArgumentError,
    message: /getEvents: fromVersion must be an integer of 0 or more, got -1/,
  },
  {
    name: 'an unknown getEvents option',
    act: (c) => c.store.getEvents('note-1', 'Note', { from: 1 } as never),
    error: InvalidArgumentError,
    message: /getEvents: unknown option "from". Known options: fromVersion/,
  },
  {
    name: 'a readAll direction that is neither',
    act: (c) => collect(c.store.readAll({ direction: 'sideways' as never })),
    error: InvalidArgumentError,
    message:
      /readAll: direction must be "forward" or "backward", got "sideways"/,
  },
  {
    name: 'eventTypes as a string',
    act: (c) =>
      collect(c.store.readAll({ eventTypes: 'NoteCreated' as never })),
    error: InvalidArgumentError,
    message:
      /readAll: eventTypes must be an array of non-empty strings, got "NoteCreated"/,
  },
  {
    name: 'eventExists(42)',
    act: (c) => c.store.eventExists(42 as never),
    error: InvalidArgumentError,
    message: /eventExists: eventId must be a non-empty string, got 42/,
  },

  // --- rows changed behind the store's back ---
  {
    name: 'a stored payload that is not JSON',
    arrange: (c) =>
      c.behindTheStoresBack(
        'UPDATE events SET payload = \'{"title": tru\' WHERE global_position = 1',
      ),
    act: (c) => collect(c.store.readAll()),
    error: EventSerializationError,
    message:
      /Cannot read the payload of the NoteCreated event at global position 1: it is not a valid JSON object. .*restore it from a backup/,
  },
  {
    name: 'stored metadata that is a JSON array',
    arrange: (c) =>
      c.behindTheStoresBack(
        "UPDATE events SET metadata = '[1,2]' WHERE global_position = 2",
      ),
    act: (c) => c.store.getEvents('note-1', 'Note'),
    error: EventSerializationError,
    message:
      /Cannot read the metadata of the NoteUpdated event at global position 2/,
  },
  {
    name: 'a stored event type nobody registered',
    arrange: (c) =>
      c.behindTheStoresBack(
        "UPDATE events SET event_type = 'Ghost' WHERE global_position = 1",
      ),
    act: (c) => c.store.getEvents('note-1', 'Note'),
    error: EventTypeNotFoundError,
    message: /Unknown event type "Ghost" \(stored event at global position 1\)/,
  },
  {
    name: 'a stored payload its schema refuses',
    arrange: (c) =>
      c.behindTheStoresBack(
        `UPDATE events SET payload = '{"title": 5, "content": "c"}' WHERE global_position = 1`,
      ),
    act: (c) => collect(c.store.readAll()),
    error: EventValidationError,
    message:
      /Invalid NoteCreated event \(stored event at global position 1\): title: Invalid input/,
  },
  {
    name: 'a stored occurred_at that is no date',
    arrange: (c) =>
      c.behindTheStoresBack(
        "UPDATE events SET occurred_at = 'soon' WHERE global_position = 2",
      ),
    act: (c) => collect(c.store.readAll({ direction: 'backward' })),
    error: EventValidationError,
    message:
      /Invalid NoteUpdated event \(stored event at global position 2\): occurredAt: is not a valid date/,
  },
  {
    name: "a stored aggregate type that is not the event's",
    arrange: (c) =>
      c.behindTheStoresBack(
        "UPDATE events SET aggregate_type = 'Task' WHERE global_position = 2",
      ),
    act: (c) => collect(c.store.readAll()),
    error: EventValidationError,
    message:
      /aggregateType: is stored as "Task", but NoteUpdated events belong to "Note"/,
  },

  // --- files and locks ---
  {
    name: 'a file that is not a database',
    arrange: (c) =>
      writeFileSync(join(c.dir, 'notes.txt'), 'Dear diary, '.repeat(500)),
    act: (c) => new SQLiteEventStore(join(c.dir, 'notes.txt')).initialize(),
    error: StoreConnectionError,
    message:
      /notes.txt is not a SQLite database \(or is damaged\): file is not a database/,
  },
  {
    name: 'a truncated database',
    arrange: (c) =>
      writeFileSync(
        join(c.dir, 'cut.db'),
        readFileSync(template).subarray(0, 3000),
      ),
    act: async (c) => {
      await using store = new SQLiteEventStore(join(c.dir, 'cut.db'))
      await store.initialize()
    },
    error: StoreConnectionError,
    message:
      /cut.db is not a SQLite database \(or is damaged\): database disk image is malformed/,
  },
  {
    name: 'a directory as the database',
    act: (c) => new SQLiteEventStore(c.dir).initialize(),
    error: StoreConnectionError,
    message: /it is a directory/,
  },
  {
    name: 'a database in a missing directory',
    act: (c) =>
      new SQLiteEventStore(join(c.dir, 'nope', 'events.db')).initialize(),
    error: StoreConnectionError,
    message: /the directory .*nope does not exist. Create it first/,
  },
  {
    name: "a database with someone else's events table",
    arrange: (c) => {
      const db = new Database(join(c.dir, 'other.db'))
      db.exec(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO events (body) VALUES ('mine')",
      )
      db.close()
    },
    act: (c) => new SQLiteEventStore(join(c.dir, 'other.db')).initialize(),
    error: StoreConnectionError,
    message:
      /has an "events" table that is not an event store's \(it lacks global_position/,
  },
  {
    name: 'a PGlite data directory that is a file',
    arrange: (c) => writeFileSync(join(c.dir, 'pgdata'), 'not a directory'),
    act: (c) =>
      new PostgreSQLEventStore({
        embedded: join(c.dir, 'pgdata'),
      }).initialize(),
    error: StoreConnectionError,
    message: /Cannot open PGlite at .*pgdata: it is a file/,
  },
  {
    name: 'a PGlite data directory holding other files',
    arrange: (c) => (
      mkdirSync(join(c.dir, 'docs')),
      writeFileSync(join(c.dir, 'docs', 'notes.md'), '# mine')
    ),
    act: (c) =>
      new PostgreSQLEventStore({ embedded: join(c.dir, 'docs') }).initialize(),
    error: StoreConnectionError,
    message:
      /the directory holds other files and no PostgreSQL data \(no PG_VERSION\)/,
  },
  {
    name: 'a read-only database file',
    arrange: async (c) => {
      await c.store.close()
      chmodSync(c.file, 0o444)
      chmodSync(c.dir, 0o777)
    },
    act: (c) => probeWithoutPrivileges(c.file),
    error: StoreError,
    message:
      /events.db is read-only: attempt to write a readonly database. Nothing was written. Check the file's and its directory's permissions/,
  },
  {
    name: 'a database in a read-only directory',
    arrange: async (c) => {
      await c.store.close()
      chmodSync(c.file, 0o666)
      chmodSync(c.dir, 0o555)
    },
    act: (c) => probeWithoutPrivileges(c.file),
    error: StoreError,
    message: /events.db is read-only: .*Nothing was written/,
  },
  {
    name: 'a new database in a read-only directory',
    arrange: async (c) => {
      await c.store.close()
      chmodSync(c.dir, 0o555)
    },
    act: (c) => probeWithoutPrivileges(join(c.dir, 'new.db')),
    error: StoreConnectionError,
    message:
      /Cannot open SQLite database .*new.db: unable to open database file. Check that the file is readable or, for a new database, that its directory is writable/,
  },
  {
    name: 'a write lock held past busyTimeout',
    arrange: (c) => {
      const holder = new Database(c.file)
      holder.exec('BEGIN IMMEDIATE')
      c.finally(() => (holder.exec('ROLLBACK'), holder.close()))
    },
    act: (c) => appendNote(c, {}),
    error: DatabaseBusyError,
    message:
      /locked by another connection and stayed locked past busyTimeout \(100 ms\). Nothing was written/,
  },

  // --- lifecycle, registry, aggregates ---
  {
    name: 'a store used after close()',
    arrange: (c) => c.store.close(),
    act: (c) => appendNote(c, {}),
    error: NotConnectedError,
    message:
      /SQLiteEventStore is not connected: call "await store.initialize\(\)"/,
  },
  {
    name: 'a store that is never initialized',
    act: () => new InMemoryEventStore().getGlobalPosition(),
    error: NotConnectedError,
    message: /InMemoryEventStore is not connected/,
  },
  {
    name: 'a synchronous option smuggling SQL',
    act: (c) =>
      new SQLiteEventStore(c.file, {
        synchronous: 'OFF; DROP TABLE events' as never,
      }),
    error: InvalidArgumentError,
    message:
      /synchronous must be one of OFF, NORMAL, FULL, EXTRA, got "OFF; DROP TABLE events"/,
  },
  {
    name: 'a schema field named like a base field',
    act: () =>
      defineEvent({
        eventType: 'Bad',
        aggregateType: 'Note',
        schema: z.object({ eventId: z.string() }),
        registry: false,
      }),
    error: InvalidArgumentError,
    message: /schema field "eventId" is a reserved name/,
  },
  {
    name: 'a class registered that is no event class',
    act: () => registerEvent(class {} as never, new EventRegistry()),
    error: InvalidArgumentError,
    message: /registerEvent expects an event class made by defineEvent\(\)/,
  },
  {
    name: 'another class under a taken event type',
    act: () =>
      defineEvent({
        eventType: 'NoteCreated',
        aggregateType: 'Note',
        schema: z.object({}),
        registry: notesRegistry,
      }),
    error: DuplicateEventTypeError,
    message: /Event type "NoteCreated" is already registered by another class/,
  },
  {
    name: 'loading an aggregate that does not exist',
    act: (c) =>
      new AggregateRepository({
        eventStore: c.store,
        aggregateFactory: NoteAggregate,
      }).load('note-404'),
    error: AggregateNotFoundError,
    message: /Note note-404 was not found: its stream has no events/,
  },
  {
    name: 'an event applied out of order',
    act: () =>
      new NoteAggregate('note-5').applyEvent(
        new NoteUpdated({
          aggregateId: 'note-5',
          aggregateVersion: 3,
          content: 'c',
        }),
      ),
    error: EventVersionError,
    message: /Event for aggregate note-5 has aggregateVersion 3, expected 1/,
  },
]

let caseNumber = 0
describe('hostile and bad input', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })

  it.each(cases)(
    '$name: typed error, nothing written',
    async ({ arrange, act, error, message }) => {
      const dir = join(root, `case-${++caseNumber}`)
      mkdirSync(dir, { mode: 0o755 })
      const file = join(dir, 'events.db')
      copyFileSync(template, file)
      const cleanups: (() => void)[] = []
      const store = new SQLiteEventStore(file, {
        eventRegistry: notesRegistry,
        busyTimeout: 100,
      })
      await store.initialize()
      const ctx: CaseContext = {
        dir,
        file,
        store,
        behindTheStoresBack: (sql, ...params) => {
          const db = new Database(file)
          db.prepare(sql).run(...params)
          db.close()
        },
        finally: (cleanup) => cleanups.push(cleanup),
      }
      try {
        await arrange?.(ctx)
        const before = snapshotDirectory(dir)
        const thrown = await (async () => act(ctx))().then(
          () => undefined,
          (e: unknown) => e,
        )
        expect(thrown).toBeInstanceOf(error)
        expect(thrown).toBeInstanceOf(EventSourceError)
        expect((thrown as Error).message).toMatch(message)
        for (const cleanup of cleanups.splice(0)) cleanup()
        expect(snapshotDirectory(dir), 'the storage changed').toEqual(before)
      } finally {
        for (const cleanup of cleanups) cleanup()
        await store.close()
        chmodSync(dir, 0o755)
      }
    },
  )
})
