import { randomUUID } from 'node:crypto'
import { EventValidationError, type ValidationIssue } from '../errors.ts'
import { deepFreeze, findJsonProblem, stringProblem, type JsonObject } from './json.ts'
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
export const RESERVED_FIELDS: ReadonlySet<string> = new Set([...BASE_FIELDS, 'toJSON', 'constructor', '__proto__'])

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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const PAYLOAD = Symbol('payload')

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

  protected constructor(definition: EventDefinition, input: unknown, restoring = false) {
    const issues: ValidationIssue[] = []
    const fields = isPlainObject(input) ? input : (issues.push({ path: '', message: `expected an object of fields, got ${describe(input)}` }), {})
    const base = readBaseFields(definition, fields, issues, restoring)
    const payload = readPayload(definition, fields, issues, restoring)
    if (issues.length > 0) throw new EventValidationError(definition.eventType, issues)
    Object.assign(this, payload, base)
    Object.defineProperty(this, PAYLOAD, { value: deepFreeze(payload) })
    deepFreeze(base.metadata)
    Object.freeze(this)
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {}
    for (const field of BASE_FIELDS) if (this[field] !== undefined) json[field] = this[field]
    return { ...json, ...payloadOf(this) }
  }
}

/** The event's own fields: what its schema validated, without the base fields. */
export function payloadOf(event: DomainEvent): Readonly<Record<string, unknown>> {
  return (event as unknown as { [PAYLOAD]: Readonly<Record<string, unknown>> })[PAYLOAD]
}

/** Builds an event from a stored row. The store supplies the version it assigned; the clock check is skipped. */
export function restoreEvent<E extends DomainEvent>(eventClass: abstract new (input: never) => E, fields: Record<string, unknown>): E {
  const Restorable = eventClass as unknown as new (input: unknown, restoring: boolean) => E
  return new Restorable(fields, true)
}

type BaseFields = { -readonly [K in (typeof BASE_FIELDS)[number]]: DomainEvent[K] }

function readBaseFields(
  definition: EventDefinition,
  input: Record<string, unknown>,
  issues: ValidationIssue[],
  restoring: boolean,
): BaseFields {
  const fail = (path: string, message: string) => issues.push({ path, message })
  const text = (path: string, required: boolean): string | undefined => {
    const value = input[path]
    if (value === undefined && !required) return undefined
    if (typeof value !== 'string') return void fail(path, `expected a string, got ${describe(value)}`)
    if (value.trim() === '') return void fail(path, 'must not be empty')
    const problem = stringProblem(value)
    if (problem) return void fail(path, `is ${problem}`)
    return value
  }
  const positiveInteger = (path: string): number => {
    const value = input[path] ?? 1
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      fail(path, `expected an integer of 1 or more, got ${describe(value)}`)
      return 1
    }
    return value
  }
  const fixed = (path: 'eventType' | 'aggregateType') => {
    const value = input[path]
    if (value !== undefined && value !== definition[path]) fail(path, `is ${JSON.stringify(definition[path])} for this event type, got ${describe(value)}`)
    return definition[path]
  }

  let eventId = input.eventId === undefined ? randomUUID() : text('eventId', true)
  if (eventId !== undefined && !UUID.test(eventId)) fail('eventId', `expected a UUID, got ${describe(eventId)}`)
  eventId = eventId?.toLowerCase()

  return {
    eventId: eventId ?? '',
    eventType: fixed('eventType'),
    eventVersion: input.eventVersion === undefined ? definition.eventVersion : positiveInteger('eventVersion'),
    occurredAt: readOccurredAt(input.occurredAt, fail, restoring),
    aggregateId: text('aggregateId', true) ?? '',
    aggregateType: fixed('aggregateType'),
    aggregateVersion: positiveInteger('aggregateVersion'),
    tenantId: text('tenantId', false),
    actorId: text('actorId', false),
    correlationId: text('correlationId', false) ?? randomUUID(),
    causationId: text('causationId', false),
    metadata: readMetadata(input.metadata, fail, restoring),
  }
}

function readOccurredAt(value: unknown, fail: (path: string, message: string) => void, restoring: boolean): Date {
  if (value === undefined) return new Date()
  const date = value instanceof Date ? new Date(value.getTime()) : typeof value === 'string' ? new Date(value) : undefined
  if (date === undefined) fail('occurredAt', `expected a Date or an ISO-8601 string, got ${describe(value)}`)
  else if (Number.isNaN(date.getTime())) fail('occurredAt', `is not a valid date: ${describe(value)}`)
  else if (date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) fail('occurredAt', 'must fall between the years 0001 and 9999')
  else if (!restoring && date.getTime() > Date.now() + MAX_CLOCK_SKEW_MS)
    fail('occurredAt', `is in the future (${date.toISOString()}): an event records something that already happened`)
  return date ?? new Date(Number.NaN)
}

function readMetadata(value: unknown, fail: (path: string, message: string) => void, restoring: boolean): JsonObject {
  if (value === undefined) return {}
  if (!isPlainObject(value)) {
    fail('metadata', `expected a plain object, got ${describe(value)}`)
    return {}
  }
  if (restoring) return value as JsonObject // freshly parsed from JSON: safe, and no one else holds it
  const problem = findJsonProblem(value)
  if (problem) {
    fail(problem.path ? `metadata.${problem.path}` : 'metadata', problem.message)
    return {}
  }
  return structuredClone(value) as JsonObject
}

function readPayload(
  definition: EventDefinition,
  input: Record<string, unknown>,
  issues: ValidationIssue[],
  restoring: boolean,
): Record<string, unknown> {
  const candidate: Record<string, unknown> = {}
  for (const key of Object.keys(input)) if (!BASE_FIELD_SET.has(key)) candidate[key] = input[key]
  const result = definition.schema['~standard'].validate(candidate)
  if (result instanceof Promise) {
    issues.push({ path: '', message: 'the schema validates asynchronously; event schemas must be synchronous' })
    return {}
  }
  if (result.issues) {
    for (const issue of result.issues) issues.push({ path: issuePath(issue), message: issue.message })
    return {}
  }
  const output = result.value
  if (!isPlainObject(output)) {
    issues.push({ path: '', message: `the schema must produce a plain object, got ${describe(output)}` })
    return {}
  }
  for (const key of Object.keys(output)) {
    if (RESERVED_FIELDS.has(key)) issues.push({ path: key, message: 'is a reserved name (a base field of every event); the schema must not define it' })
  }
  if (!restoring) {
    const problem = findJsonProblem(output)
    if (problem) issues.push(problem)
  }
  return output
}

function issuePath(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.')
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** A short, safe description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date ${value.toISOString()}`
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string':
      return value.length > 60 ? `${JSON.stringify(value.slice(0, 60))}… (${value.length} characters)` : JSON.stringify(value)
    case 'number':
    case 'boolean':
      return String(value)
    case 'bigint':
      return `${value}n (a BigInt)`
    case 'undefined':
      return 'undefined'
    case 'object':
      return isPlainObject(value) ? 'an object' : `a ${value.constructor?.name ?? 'value'}`
    default:
      return `a ${typeof value}`
  }
}
