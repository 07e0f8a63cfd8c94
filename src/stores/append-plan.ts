import {
  DuplicateEventIdError,
  EventTypeNotFoundError,
  InvalidArgumentError,
  OptimisticLockError,
} from '../errors.ts'
import { describe, DomainEvent } from '../events/domain-event.ts'
import type { EventRegistry } from '../events/registry.ts'
import {
  ExpectedVersion,
  type AppendEventsInput,
  type AppendResult,
} from './event-store.ts'
import { requireInteger, requireText } from './arguments.ts'

/**
 * An append checked before any database work, so bad input never writes anything. A database store
 * encodes its events (`E`) before it writes them.
 */
export interface AppendBatch<E extends { eventId: string } = DomainEvent> {
  aggregateId: string
  aggregateType: string
  expectedVersion: number
  events: E[]
}

export function prepareAppend(
  input: AppendEventsInput,
  registry: EventRegistry,
): AppendBatch {
  if (input === null || typeof input !== 'object')
    throw new InvalidArgumentError(
      `appendEvents expects { aggregateId, aggregateType, events, expectedVersion }, got ${describe(input)}.`,
    )
  const { aggregateId, aggregateType, events, expectedVersion } = input
  requireText('appendEvents', 'aggregateId', aggregateId)
  requireText('appendEvents', 'aggregateType', aggregateType)
  requireInteger(
    'appendEvents',
    'expectedVersion',
    expectedVersion,
    ExpectedVersion.STREAM_EXISTS,
    'ExpectedVersion.ANY, NO_STREAM, STREAM_EXISTS or a version of 0 or more',
  )
  if (!Array.isArray(events))
    throw new InvalidArgumentError(
      `appendEvents: events must be an array of events, got ${describe(events)}.`,
    )

  // A batch of one event needs no set to find an id twice.
  const seen = events.length > 1 ? new Set<string>() : undefined
  for (let index = 0; index < events.length; index++) {
    const event: unknown = events[index]
    if (!(event instanceof DomainEvent))
      throw new InvalidArgumentError(
        `appendEvents: events[${index}] is ${describe(event)}, not an event made by an event class.`,
      )
    if (
      event.aggregateId !== aggregateId ||
      event.aggregateType !== aggregateType
    ) {
      throw new InvalidArgumentError(
        `appendEvents: events[${index}] (${event.eventType}) belongs to ${event.aggregateType} ${event.aggregateId}, not to the stream ${aggregateType} ${aggregateId}. Append each stream's events separately.`,
      )
    }
    if (!registry.has(event.eventType))
      throw new EventTypeNotFoundError(event.eventType, registry.list())
    if (seen?.has(event.eventId))
      throw new InvalidArgumentError(
        `appendEvents: event id ${event.eventId} appears twice in the batch.`,
      )
    seen?.add(event.eventId)
  }
  return { aggregateId, aggregateType, expectedVersion, events: [...events] }
}

/** Where an event id is already stored. */
export interface StoredIdentity {
  eventId: string
  aggregateId: string
  aggregateType: string
  globalPosition: number
}

export type AppendPlan<E> =
  | { write: false; result: AppendResult }
  | {
      write: true
      events: E[]
      firstVersion: number
      skipped: number
    }

/**
 * Decides what an append does, given the stream's current version and which of its event ids are already
 * stored. Every backend runs this inside its write transaction, so all of them behave the same.
 */
export function planAppend<E extends { eventId: string }>(
  batch: AppendBatch<E>,
  currentVersion: number,
  alreadyStored: readonly StoredIdentity[],
  currentPosition: () => number,
): AppendPlan<E> {
  for (const stored of alreadyStored) {
    if (
      stored.aggregateId !== batch.aggregateId ||
      stored.aggregateType !== batch.aggregateType
    ) {
      throw new DuplicateEventIdError(
        stored.eventId,
        batch.aggregateId,
        batch.aggregateType,
      )
    }
  }
  const events =
    alreadyStored.length === 0
      ? batch.events
      : withoutStored(batch.events, alreadyStored)
  if (events.length === 0) {
    // An empty append, or a retry of one that had succeeded: nothing to write, nothing to check.
    const lastStored = alreadyStored.reduce(
      (max, s) => Math.max(max, s.globalPosition),
      0,
    )
    return {
      write: false,
      result: {
        newVersion: currentVersion,
        globalPosition: lastStored || currentPosition(),
        skipped: alreadyStored.length,
      },
    }
  }
  checkExpectedVersion(batch, currentVersion)
  return {
    write: true,
    events,
    firstVersion: currentVersion + 1,
    skipped: alreadyStored.length,
  }
}

function withoutStored<E extends { eventId: string }>(
  events: E[],
  alreadyStored: readonly StoredIdentity[],
): E[] {
  const storedIds = new Set(alreadyStored.map((s) => s.eventId))
  return events.filter((e) => !storedIds.has(e.eventId))
}

function checkExpectedVersion(
  {
    aggregateId,
    aggregateType,
    expectedVersion,
  }: AppendBatch<{ eventId: string }>,
  currentVersion: number,
): void {
  const ok =
    expectedVersion === ExpectedVersion.ANY ||
    (expectedVersion === ExpectedVersion.STREAM_EXISTS
      ? currentVersion > 0
      : currentVersion === expectedVersion)
  if (!ok)
    throw new OptimisticLockError(
      aggregateId,
      aggregateType,
      expectedVersion,
      currentVersion,
    )
}
