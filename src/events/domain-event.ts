import { EventValidationError, type ValidationIssue } from '../errors.ts'
import {
  deepFreeze,
  findJsonProblem,
  stringProblem,
  type JsonObject,
} from './json.ts'
import { parseIsoTime } from './iso-time.ts'
import { newUuid } from './uuid.ts'
import type { StandardSchemaV1 } from './standard-schema.ts'

/** The fields every event carries, whatever its type. */
export const BASE_FIELDS = [
  'eventId',
  'eventType',
  'eventVersion',
  'occurredAt',
  'aggregateId',
  'aggregateType',
  'aggregateVersion',
  'tenantId',
  'actorId',
  'correlationId',
  'causationId',
  'metadata',
] as const
const BASE_FIELD_SET: ReadonlySet<string> = new Set(BASE_FIELDS)
/** Names a payload field may not take: the base fields, and names that would break the event object. */
export const RESERVED_FIELDS: ReadonlySet<string> = new Set([
  ...BASE_FIELDS,
  'toJSON',
  'constructor',
  '__proto__',
])

/** What a caller may pass for the base fields when constructing an event; the rest is generated. */
export interface EventBaseInput {
  aggregateId: string
  aggregateVersion?: number
  eventId?: string
  eventVersion?: number
  occurredAt?: Date | string
  tenantId?: string
  actorId?: string
  correlationId?: string
  causationId?: string
  metadata?: JsonObject
}

/** What an event type is made of; `defineEvent` builds one from its options. */
export interface EventDefinition {
  readonly eventType: string
  readonly aggregateType: string
  readonly eventVersion: number
  readonly schema: StandardSchemaV1
}

/** Events may say they happened this far in the future, to allow for clocks a little apart. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000
export const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** The longest aggregate id or type, in UTF-8 bytes: PostgreSQL's stream index cannot hold much longer ones. */
export const MAX_STREAM_NAME_BYTES = 1024
let payloadOfEvent: (event: DomainEvent) => Readonly<Record<string, unknown>>

/**
 * The base class of every event. Concrete event types come from `defineEvent`; `e instanceof DomainEvent`
 * holds for all of them. An event is validated when it is constructed and deep-frozen afterwards.
 */
export class DomainEvent {
  declare readonly eventId: string
  declare readonly eventType: string
  declare readonly eventVersion: number
  declare readonly occurredAt: Date
  declare readonly aggregateId: string
  declare readonly aggregateType: string
  declare readonly aggregateVersion: number
  declare readonly tenantId?: string
  declare readonly actorId?: string
  declare readonly correlationId: string
  declare readonly causationId?: string
  declare readonly metadata: Readonly<JsonObject>
  /** What the event's schema validated, kept apart from the base fields for `payloadOf`. */
  readonly #payload: Readonly<Record<string, unknown>>

  static {
    payloadOfEvent = (event) => event.#payload
  }

  /**
   * `input` holds the base fields and the payload side by side, as application code writes them. A store
   * restoring a row passes its base fields (`StoredFields`), its parsed payload and metadata apart instead.
   */
  protected constructor(
    definition: EventDefinition,
    input: unknown,
    storedPayload?: Record<string, unknown>,
    storedMetadata?: Readonly<JsonObject>,
  ) {
    const issues: ValidationIssue[] = []
    const restoring = storedPayload !== undefined
    const fields =
      restoring || isPlainObject(input)
        ? (input as Record<string, unknown>)
        : (issues.push({
            path: '',
            message: `expected an object of fields, got ${describe(input)}`,
          }),
          {})
    // The payload's fields come first on the event, then the base fields, each written as it is read: no
    // object in between, as every event built or read back passes here. The base fields' issues come first.
    const payloadIssues: ValidationIssue[] = []
    const payload = readPayload(
      definition,
      storedPayload ?? payloadFields(fields),
      payloadIssues,
      restoring,
    )
    if (payloadIssues.length === 0) Object.assign(this, payload)
    readBaseFields(
      this as unknown as BaseFields,
      definition,
      fields,
      issues,
      restoring,
      storedMetadata,
    )
    if (issues.length > 0 || payloadIssues.length > 0)
      throw new EventValidationError(definition.eventType, [
        ...issues,
        ...payloadIssues,
      ])
    this.#payload = deepFreeze(payload)
    Object.freeze(this)
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {}
    for (const field of BASE_FIELDS)
      if (this[field] !== undefined) json[field] = this[field]
    return { ...json, ...payloadOf(this) }
  }
}

/** The event's own fields: what its schema validated, without the base fields. */
export function payloadOf(
  event: DomainEvent,
): Readonly<Record<string, unknown>> {
  return payloadOfEvent(event)
}

/** A stored event's base fields as a store reads them back, such as a row: an absent one may be null. */
export interface StoredFields {
  readonly eventId: string
  readonly eventType: string
  readonly eventVersion: number
  readonly occurredAt: string | Date
  readonly aggregateId: string
  readonly aggregateType: string
  readonly aggregateVersion: number
  readonly tenantId?: string | null
  readonly actorId?: string | null
  readonly correlationId: string
  readonly causationId?: string | null
}

/**
 * Builds an event from what a store kept: its base fields, its parsed payload and metadata, validated as on
 * construction. The store supplies the version it assigned; the clock check is skipped.
 */
export function restoreEvent<E extends DomainEvent>(
  eventClass: abstract new (input: never) => E,
  fields: StoredFields,
  payload: Record<string, unknown>,
  metadata: Readonly<JsonObject>,
): E {
  const Restorable = eventClass as unknown as new (
    input: StoredFields,
    storedPayload: Record<string, unknown>,
    storedMetadata: Readonly<JsonObject>,
  ) => E
  return new Restorable(fields, payload, metadata)
}

type BaseFields = {
  -readonly [K in (typeof BASE_FIELDS)[number]]: DomainEvent[K]
}

// The readers below record what is wrong in `issues` and return a placeholder, so one pass reports every
// problem. They are plain functions, not closures, because they run for every event built or read back.

/** Reads the base fields onto `event` in one order, so that every event of a type takes one shape. */
function readBaseFields(
  event: BaseFields,
  definition: EventDefinition,
  input: Record<string, unknown>,
  issues: ValidationIssue[],
  restoring: boolean,
  storedMetadata: Readonly<JsonObject> | undefined,
): void {
  event.eventId =
    input.eventId === undefined ? newUuid() : readEventId(input, issues)
  event.eventType = readFixed(definition, input, 'eventType', issues, restoring)
  event.eventVersion =
    input.eventVersion === undefined
      ? definition.eventVersion
      : readPositiveInteger(input, 'eventVersion', issues)
  event.occurredAt = readOccurredAt(input.occurredAt, issues, restoring)
  event.aggregateId = readAggregateId(input, issues)
  event.aggregateType = readFixed(
    definition,
    input,
    'aggregateType',
    issues,
    restoring,
  )
  event.aggregateVersion = readPositiveInteger(
    input,
    'aggregateVersion',
    issues,
  )
  event.tenantId = readText(input, 'tenantId', false, issues, restoring)
  event.actorId = readText(input, 'actorId', false, issues, restoring)
  event.correlationId =
    readText(input, 'correlationId', false, issues, restoring) ?? newUuid()
  event.causationId = readText(input, 'causationId', false, issues, restoring)
  event.metadata = deepFreeze(
    restoring
      ? readStoredMetadata(storedMetadata, issues)
      : readMetadata(input.metadata, issues),
  )
}

function fail(
  issues: ValidationIssue[],
  path: string,
  message: string,
): undefined {
  issues.push({ path, message })
  return undefined
}

/** A text field; a stored row has null where it has none. */
function readText(
  input: Record<string, unknown>,
  path: string,
  required: boolean,
  issues: ValidationIssue[],
  stored = false,
): string | undefined {
  const value = input[path]
  if ((value === undefined || (stored && value === null)) && !required)
    return undefined
  if (typeof value !== 'string')
    return fail(issues, path, `expected a string, got ${describe(value)}`)
  if (value.trim() === '') return fail(issues, path, 'must not be empty')
  const problem = stringProblem(value)
  if (problem) return fail(issues, path, `is ${problem}`)
  return value
}

function readAggregateId(
  input: Record<string, unknown>,
  issues: ValidationIssue[],
): string {
  const aggregateId = readText(input, 'aggregateId', true, issues)
  if (aggregateId === undefined) return ''
  const problem = streamNameProblem(aggregateId)
  if (problem) fail(issues, 'aggregateId', problem)
  return aggregateId
}

/** Why an aggregate id or type is too long for every store, or undefined. */
export function streamNameProblem(name: string): string | undefined {
  // A UTF-16 code unit takes at most 3 UTF-8 bytes: most names need no encoding to pass.
  if (name.length * 3 <= MAX_STREAM_NAME_BYTES) return undefined
  const bytes = new TextEncoder().encode(name).length
  if (bytes <= MAX_STREAM_NAME_BYTES) return undefined
  return `is ${bytes} bytes long (UTF-8), over the ${MAX_STREAM_NAME_BYTES} bytes every store can index: use a shorter id, such as a UUID`
}

/** A given event id: a UUID, stored in lower case so it compares equal however it was written. */
function readEventId(
  input: Record<string, unknown>,
  issues: ValidationIssue[],
): string {
  const eventId = readText(input, 'eventId', true, issues)
  if (eventId === undefined) return ''
  if (!UUID.test(eventId))
    fail(issues, 'eventId', `expected a UUID, got ${describe(eventId)}`)
  return eventId.toLowerCase()
}

function readPositiveInteger(
  input: Record<string, unknown>,
  path: string,
  issues: ValidationIssue[],
): number {
  const value = input[path] ?? 1
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    fail(
      issues,
      path,
      `expected an integer of 1 or more, got ${describe(value)}`,
    )
    return 1
  }
  return value
}

function readFixed(
  definition: EventDefinition,
  input: Record<string, unknown>,
  path: 'eventType' | 'aggregateType',
  issues: ValidationIssue[],
  stored: boolean,
): string {
  const value = input[path]
  if (value !== undefined && value !== definition[path])
    fail(
      issues,
      path,
      stored
        ? `is stored as ${describe(value)}, but ${definition.eventType} events belong to ${JSON.stringify(definition[path])}`
        : `is ${JSON.stringify(definition[path])} for this event type, got ${describe(value)}`,
    )
  return definition[path]
}

function readOccurredAt(
  value: unknown,
  issues: ValidationIssue[],
  restoring: boolean,
): Date {
  if (value === undefined) return new Date()
  const date =
    value instanceof Date
      ? new Date(value.getTime())
      : typeof value === 'string'
        ? new Date(parseIsoTime(value))
        : undefined
  if (date === undefined)
    fail(
      issues,
      'occurredAt',
      `expected a Date or an ISO-8601 string, got ${describe(value)}`,
    )
  else if (Number.isNaN(date.getTime()))
    fail(issues, 'occurredAt', `is not a valid date: ${describe(value)}`)
  else if (date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999)
    fail(issues, 'occurredAt', 'must fall between the years 0001 and 9999')
  else if (!restoring && date.getTime() > Date.now() + MAX_CLOCK_SKEW_MS)
    fail(
      issues,
      'occurredAt',
      `is in the future (${date.toISOString()}): an event records something that already happened`,
    )
  return date ?? new Date(Number.NaN)
}

/** The metadata of every event given none: frozen, so one object serves them all. */
export const NO_METADATA: Readonly<JsonObject> = Object.freeze({})

function readMetadata(
  value: unknown,
  issues: ValidationIssue[],
): Readonly<JsonObject> {
  if (value === undefined) return NO_METADATA
  if (!isPlainObject(value)) {
    fail(issues, 'metadata', `expected a plain object, got ${describe(value)}`)
    return {}
  }
  const problem = findJsonProblem(value)
  if (problem) {
    fail(
      issues,
      problem.path ? `metadata.${problem.path}` : 'metadata',
      problem.message,
    )
    return {}
  }
  return structuredClone(value) as JsonObject
}

/** Stored metadata, parsed from JSON or kept frozen by the store: safe as it is, once it is an object. */
function readStoredMetadata(
  value: Readonly<JsonObject> | undefined,
  issues: ValidationIssue[],
): Readonly<JsonObject> {
  if (value === undefined) return NO_METADATA
  if (isPlainObject(value)) return value
  fail(issues, 'metadata', `expected a plain object, got ${describe(value)}`)
  return {}
}

/** The fields of `input` that are not base fields: what the event's schema validates. */
function payloadFields(
  input: Record<string, unknown>,
): Record<string, unknown> {
  const candidate: Record<string, unknown> = {}
  for (const key in input)
    if (Object.hasOwn(input, key) && !BASE_FIELD_SET.has(key))
      candidate[key] = input[key]
  return candidate
}

function readPayload(
  definition: EventDefinition,
  candidate: Record<string, unknown>,
  issues: ValidationIssue[],
  restoring: boolean,
): Record<string, unknown> {
  const result = definition.schema['~standard'].validate(candidate)
  if (result instanceof Promise) {
    issues.push({
      path: '',
      message:
        'the schema validates asynchronously; event schemas must be synchronous',
    })
    return {}
  }
  if (result.issues) {
    for (const issue of result.issues)
      issues.push({ path: issuePath(issue), message: issue.message })
    return {}
  }
  const output = result.value
  if (!isPlainObject(output)) {
    issues.push({
      path: '',
      message: `the schema must produce a plain object, got ${describe(output)}`,
    })
    return {}
  }
  for (const key in output) {
    if (RESERVED_FIELDS.has(key))
      issues.push({
        path: key,
        message:
          'is a reserved name (a base field of every event); the schema must not define it',
      })
  }
  if (!restoring) {
    const problem = findJsonProblem(output)
    if (problem) issues.push(problem)
  }
  return output
}

function issuePath(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((segment) =>
      String(typeof segment === 'object' ? segment.key : segment),
    )
    .join('.')
}

export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** A short, safe description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? 'Invalid Date'
      : `Date ${value.toISOString()}`
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string':
      return value.length > 60
        ? `${JSON.stringify(value.slice(0, 60))}… (${value.length} characters)`
        : JSON.stringify(value)
    case 'number':
    case 'boolean':
      return String(value)
    case 'bigint':
      return `${value}n (a BigInt)`
    case 'undefined':
      return 'undefined'
    case 'object':
      return isPlainObject(value)
        ? 'an object'
        : `a ${value.constructor?.name ?? 'value'}`
    default:
      return `a ${typeof value}`
  }
}
