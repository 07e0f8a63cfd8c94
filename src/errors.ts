/**
 * The error hierarchy. Every error the library throws on purpose is an `EventSourceError`, so callers can
 * tell "the library refused this" from a bug. Each message says what went wrong and what to do about it.
 */

export interface EventSourceErrorOptions {
  cause?: unknown
}

export class EventSourceError extends Error {
  /** A stable name for the kind of error, kept on every instance as `code`. */
  static readonly code: string = 'EVENTSOURCE'
  /** The error's kind, such as `'OPTIMISTIC_LOCK'`: stable across versions. */
  readonly code: string

  constructor(message: string, options?: EventSourceErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.code = new.target.code
  }
}

type ErrorKind<E extends EventSourceError> = abstract new (
  ...args: never[]
) => E & { readonly code: string }

/**
 * Whether `error` is an `EventSourceError` of the given kind (any kind when none is given), subclasses
 * included. It compares codes along the error's class chain rather than prototypes, so it also holds for
 * an error thrown by another copy of the library (the source and the build, say), where `instanceof` fails.
 */
export function isEventSourceError<
  E extends EventSourceError = EventSourceError,
>(error: unknown, kind?: ErrorKind<E> & { readonly code: string }): error is E {
  const wanted = (kind ?? EventSourceError).code
  if (error === null || typeof error !== 'object') return false
  for (
    let proto: unknown = Object.getPrototypeOf(error);
    proto !== null && typeof proto === 'object';
    proto = Object.getPrototypeOf(proto)
  ) {
    const owner = (proto as { constructor?: { code?: unknown } }).constructor
    if (owner?.code === wanted) return true
  }
  return false
}

/** An argument of the wrong type or shape: a programming error at the call site. Nothing was written. */
export class InvalidArgumentError extends EventSourceError {
  static override readonly code: string = 'INVALID_ARGUMENT'
}

/** An append whose expected version does not match the stream. Nothing was written. */
export class OptimisticLockError extends EventSourceError {
  static override readonly code: string = 'OPTIMISTIC_LOCK'
  constructor(
    readonly aggregateId: string,
    readonly aggregateType: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      `Concurrency conflict on ${aggregateType} ${aggregateId}: expected version ${describeExpected(expectedVersion)}, ` +
        `but the stream is at version ${actualVersion}. Nothing was written: reload the aggregate and retry the command.`,
    )
  }
}

function describeExpected(expected: number): string {
  if (expected === 0) return '0 (no stream)'
  if (expected === -2) return '-2 (stream exists)'
  return String(expected)
}

export class AggregateNotFoundError extends EventSourceError {
  static override readonly code: string = 'AGGREGATE_NOT_FOUND'
  constructor(
    readonly aggregateId: string,
    readonly aggregateType: string,
  ) {
    super(
      `${aggregateType} ${aggregateId} was not found: its stream has no events. ` +
        `Use exists() to check first, or loadOrCreate() to start a new one.`,
    )
  }
}

/** Where a stored row was when it could not be read back. */
export interface RowLocation {
  globalPosition?: number
}

function atPosition(globalPosition: number | undefined): string {
  return globalPosition === undefined
    ? ''
    : ` (stored event at global position ${globalPosition})`
}

export class EventTypeNotFoundError extends EventSourceError {
  static override readonly code: string = 'EVENT_TYPE_NOT_FOUND'
  readonly globalPosition: number | undefined
  constructor(
    readonly eventType: string,
    readonly registeredTypes: readonly string[],
    location: RowLocation = {},
  ) {
    const known =
      registeredTypes.length > 0 ? registeredTypes.join(', ') : 'none'
    super(
      `Unknown event type "${eventType}"${atPosition(location.globalPosition)}. Registered types: ${known}. ` +
        `Register it with registerEvent(${eventType}, registry), or pass the registry that has it as the store's eventRegistry.`,
    )
    this.globalPosition = location.globalPosition
  }
}

export class DuplicateEventTypeError extends EventSourceError {
  static override readonly code: string = 'DUPLICATE_EVENT_TYPE'
  constructor(readonly eventType: string) {
    super(
      `Event type "${eventType}" is already registered by another class. ` +
        `Give the new class a different eventType, or register it in its own EventRegistry.`,
    )
  }
}

export interface ValidationIssue {
  /** The field's path, such as `title` or `items.0.sku`; empty for the event as a whole. */
  readonly path: string
  readonly message: string
}

export class EventValidationError extends EventSourceError {
  static override readonly code: string = 'EVENT_VALIDATION'
  readonly globalPosition: number | undefined
  constructor(
    readonly eventType: string,
    readonly issues: readonly ValidationIssue[],
    location: RowLocation = {},
  ) {
    const list = issues
      .map((i) => `${i.path || '(event)'}: ${i.message}`)
      .join('; ')
    super(
      `Invalid ${eventType} event${atPosition(location.globalPosition)}: ${list}`,
    )
    this.globalPosition = location.globalPosition
  }
}

/** A stored row whose JSON cannot be parsed: the row was changed behind the store's back. */
export class EventSerializationError extends EventSourceError {
  static override readonly code: string = 'EVENT_SERIALIZATION'
  constructor(
    readonly eventType: string,
    readonly globalPosition: number,
    readonly column: string,
    options?: EventSourceErrorOptions,
  ) {
    super(
      `Cannot read the ${column} of the ${eventType} event at global position ${globalPosition}: it is not a valid JSON object. ` +
        `The row was changed outside the event store; restore it from a backup.`,
      options,
    )
  }
}

/** An event applied to an aggregate out of order, or to the wrong aggregate. */
export class EventVersionError extends EventSourceError {
  static override readonly code: string = 'EVENT_VERSION'
  constructor(
    readonly aggregateId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
    detail?: string,
  ) {
    super(
      detail ??
        `Event for aggregate ${aggregateId} has aggregateVersion ${actualVersion}, expected ${expectedVersion}. ` +
          `Build new events with aggregateVersion: this.getNextVersion().`,
    )
  }
}

/** An event that a `DeclarativeAggregate` set to `unhandledEvents: 'error'` has no handler for. */
export class UnhandledEventError extends EventSourceError {
  static override readonly code: string = 'UNHANDLED_EVENT'
  constructor(
    readonly aggregateClass: string,
    readonly eventType: string,
  ) {
    super(
      `${aggregateClass} has no handler for ${eventType} events. Register one in its constructor with ` +
        `this.on(${eventType}, (event) => { ... }), or set static unhandledEvents = 'ignore' to skip them.`,
    )
  }
}

/** A store used before `initialize()` or after `close()`. */
export class NotConnectedError extends EventSourceError {
  static override readonly code: string = 'NOT_CONNECTED'
  constructor(storeName: string) {
    super(
      `${storeName} is not connected: call "await store.initialize()" before using it (and do not use it after close()).`,
    )
  }
}

/** An event id that is already stored in another stream: ids are global, so this is a real clash, not a retry. */
export class DuplicateEventIdError extends EventSourceError {
  static override readonly code: string = 'DUPLICATE_EVENT_ID'
  constructor(
    readonly eventId: string,
    readonly aggregateId: string,
    readonly aggregateType: string,
  ) {
    super(
      `Event id ${eventId} is already stored in another stream than ${aggregateType} ${aggregateId}. ` +
        `Event ids must be unique across the whole store: let the event generate its own id.`,
    )
  }
}

/** The database failed for a reason of its own: read-only, disk full, not a database, and so on. */
export class StoreError extends EventSourceError {
  static override readonly code: string = 'STORE'
}

/** The database cannot be opened or reached: a missing directory, a file that is not a database, a bad URL. */
export class StoreConnectionError extends StoreError {
  static override readonly code: string = 'STORE_CONNECTION'
}

/**
 * A store needs a database driver that is not installed: the drivers are optional peer dependencies, so an
 * app installs the ones its stores use. The message names the package and the command to install it.
 */
export class DriverNotInstalledError extends StoreConnectionError {
  static override readonly code: string = 'DRIVER_NOT_INSTALLED'
  constructor(
    /** The npm package to install, such as `'better-sqlite3'`. */
    readonly packageName: string,
    /** What the package is, such as `'the SQLite driver'`. */
    what: string,
    options?: EventSourceErrorOptions,
  ) {
    super(
      `${packageName}, ${what}, is not installed. Install it with "npm install ${packageName}": eventsource-ts leaves the database drivers to the app (they are optional peer dependencies).`,
      options,
    )
  }
}

/** Another connection held the write lock for longer than the busy timeout. Nothing was written. */
export class DatabaseBusyError extends StoreError {
  static override readonly code: string = 'DATABASE_BUSY'
}

/**
 * `migrateEvents` found a target stream that already holds other events than the source's: it stops rather
 * than merge the two histories. Nothing of the batch in hand was written; the batches before it were.
 */
export class MigrationConflictError extends EventSourceError {
  static override readonly code: string = 'MIGRATION_CONFLICT'
  constructor(
    readonly aggregateId: string,
    readonly aggregateType: string,
    /** The source's global position of the first event that could not be copied. */
    readonly sourcePosition: number,
    /** The conflict the target reported: an `OptimisticLockError` or a `DuplicateEventIdError`. */
    override readonly cause: EventSourceError,
  ) {
    super(
      `Cannot copy ${aggregateType} ${aggregateId} (from source position ${sourcePosition}): the target holds other events for it. ${cause.message} ` +
        `The migration stopped without merging the two histories. Resolve the conflict in the target (or migrate into an empty store), ` +
        `then run it again: it continues where it stopped.`,
      { cause },
    )
  }
}

/** A configuration that cannot work, such as an unknown APP_ENV or a missing DATABASE_URL. */
export class ConfigurationError extends EventSourceError {
  static override readonly code: string = 'CONFIGURATION'
}
