// The public API of eventsource-ts. Re-exports only.
export {
  EventSourceError,
  InvalidArgumentError,
  OptimisticLockError,
  AggregateNotFoundError,
  EventTypeNotFoundError,
  DuplicateEventTypeError,
  EventValidationError,
  EventSerializationError,
  EventVersionError,
  NotConnectedError,
  DuplicateEventIdError,
  StoreError,
  StoreConnectionError,
  DriverNotInstalledError,
  DatabaseBusyError,
  MigrationConflictError,
  ConfigurationError,
  isEventSourceError,
  UnhandledEventError,
} from './errors.ts'
export type { ValidationIssue } from './errors.ts'

export { DomainEvent, MAX_CLOCK_SKEW_MS } from './events/domain-event.ts'
export type { EventBaseInput } from './events/domain-event.ts'
export { defineEvent } from './events/define-event.ts'
export type {
  DefineEventOptions,
  EventClass,
  EventInput,
  EventOf,
} from './events/define-event.ts'
export {
  EventRegistry,
  defaultRegistry,
  registerEvent,
} from './events/registry.ts'
export type { AnyEventClass } from './events/registry.ts'
export type { JsonObject, JsonValue } from './events/json.ts'
export type { StandardSchemaV1 } from './events/standard-schema.ts'

export { AggregateRoot } from './aggregates/aggregate-root.ts'
export type { AggregateClass } from './aggregates/aggregate-root.ts'
export { AggregateRepository } from './aggregates/aggregate-repository.ts'
export { DeclarativeAggregate } from './aggregates/declarative-aggregate.ts'
export type { UnhandledEvents } from './aggregates/declarative-aggregate.ts'
export type { AggregateRepositoryOptions } from './aggregates/aggregate-repository.ts'

export { ExpectedVersion } from './stores/event-store.ts'
export type {
  EventStore,
  AppendEventsInput,
  AppendResult,
  EventStream,
  GetEventsOptions,
  StoredEvent,
  ReadAllOptions,
  ReadDirection,
} from './stores/event-store.ts'
export type { StoreOptions } from './stores/base-event-store.ts'
export { InMemoryEventStore } from './stores/memory/in-memory-event-store.ts'
export { SQLiteEventStore } from './stores/sqlite/sqlite-event-store.ts'
export type {
  SQLiteEventStoreOptions,
  SQLiteEventStoreConfig,
  SQLiteSynchronous,
} from './stores/sqlite/sqlite-event-store.ts'
export { SQLITE_AVAILABLE } from './stores/sqlite/better-sqlite3.ts'
export { PostgreSQLEventStore } from './stores/postgresql/postgresql-event-store.ts'
export type { PostgreSQLEventStoreOptions } from './stores/postgresql/postgresql-event-store.ts'
export type { PostgreSQLConnection } from './stores/postgresql/connection.ts'
export type {
  PostgreSQLPool,
  PostgreSQLPoolClient,
} from './stores/postgresql/pg-pool.ts'
export type {
  PGliteDatabase,
  PGliteQueryable,
} from './stores/postgresql/pglite.ts'
export { migrateEvents } from './migration/migrate-events.ts'
export type {
  MigrateEventsOptions,
  MigrationProgress,
  MigrationReport,
  StreamMismatch,
} from './migration/migrate-events.ts'
export type { StreamDigest } from './migration/stream-digests.ts'
export {
  getEventStoreConfig,
  APP_ENVIRONMENTS,
  DEVELOPMENT_DATABASE,
} from './config/event-store-config.ts'
export type {
  EventStoreConfig,
  MemoryStoreConfig,
  SQLiteStoreConfig,
  PostgreSQLStoreConfig,
  AppEnvironment,
} from './config/event-store-config.ts'
export { createEventStore } from './config/create-event-store.ts'
export type { StoreFor } from './config/create-event-store.ts'
