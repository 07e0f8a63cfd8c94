import { InvalidArgumentError } from '../errors.ts'
import { describe, isPlainObject } from '../events/domain-event.ts'
import { findJsonProblem, type JsonValue } from '../events/json.ts'
import {
  requireDate,
  requireInteger,
  requireText,
} from '../stores/arguments.ts'
import { SnapshotError } from './snapshot-error.ts'
import type { Snapshot } from './snapshot-store.ts'

/** A snapshot as every backend stores it: its state as JSON text, its time as fixed-width UTC ISO-8601. */
export interface SnapshotRecord {
  aggregateId: string
  aggregateType: string
  version: number
  schemaVersion: number
  state: string
  createdAt: string
}

/** Checks the stream a snapshot store is asked about. */
export function requireStream(
  method: string,
  aggregateId: string,
  aggregateType: string,
): void {
  requireText(method, 'aggregateId', aggregateId)
  requireText(method, 'aggregateType', aggregateType)
}

/** Checks a snapshot to be saved and encodes it; `InvalidArgumentError` says what is wrong with it. */
export function encodeSnapshot(
  method: string,
  snapshot: Snapshot,
): SnapshotRecord {
  if (!isPlainObject(snapshot))
    throw new InvalidArgumentError(
      `${method} expects a snapshot { aggregateId, aggregateType, version, schemaVersion, state, createdAt }, got ${describe(snapshot)}.`,
    )
  const {
    aggregateId,
    aggregateType,
    version,
    schemaVersion,
    state,
    createdAt,
  } = snapshot
  requireStream(method, aggregateId, aggregateType)
  requireInteger(method, 'version', version, 1)
  requireInteger(method, 'schemaVersion', schemaVersion, 1)
  const problem = findJsonProblem(state)
  if (problem)
    throw new InvalidArgumentError(
      `${method}: the state of ${aggregateType} ${aggregateId} is not JSON${problem.path ? ` at ${problem.path}` : ''}: ${problem.message}.`,
    )
  requireDate(method, 'createdAt', createdAt)
  return {
    aggregateId,
    aggregateType,
    version,
    schemaVersion,
    state: JSON.stringify(state),
    createdAt: createdAt.toISOString(),
  }
}

/** A stored snapshot read back; `SnapshotError` when the row was damaged. */
export function decodeSnapshot(record: SnapshotRecord): Snapshot {
  const { aggregateId, aggregateType } = record
  const damaged = (what: string, cause?: unknown) =>
    new SnapshotError(
      aggregateId,
      aggregateType,
      `The stored snapshot of ${aggregateType} ${aggregateId} is damaged: ${what}. ` +
        'Loading replays the stream instead; delete the snapshot, and the next one replaces it.',
      { cause },
    )
  const version = Number(record.version)
  const schemaVersion = Number(record.schemaVersion)
  if (!Number.isSafeInteger(version) || version < 1)
    throw damaged(`its version is ${describe(record.version)}`)
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1)
    throw damaged(`its schemaVersion is ${describe(record.schemaVersion)}`)
  let state: JsonValue
  try {
    state = JSON.parse(record.state) as JsonValue
  } catch (error) {
    throw damaged('its state is not valid JSON', error)
  }
  const createdAt = new Date(record.createdAt)
  if (Number.isNaN(createdAt.getTime()))
    throw damaged(`its createdAt is ${describe(record.createdAt)}`)
  return {
    aggregateId,
    aggregateType,
    version,
    schemaVersion,
    state,
    createdAt,
  }
}
