import { InvalidArgumentError } from '../errors.ts'
import {
  describe,
  DomainEvent,
  RESERVED_FIELDS,
  streamNameProblem,
  type EventBaseInput,
} from './domain-event.ts'
import type { JsonObject } from './json.ts'
import { defaultRegistry, type EventRegistry } from './registry.ts'
import type { StandardSchemaV1 } from './standard-schema.ts'

/** A payload type, with an empty schema's `Record<string, never>` read as "no fields" so it leaves the base fields alone. */
type Fields<P> = string extends keyof P
  ? P[keyof P] extends never
    ? unknown
    : P
  : P

/** What constructing an event of schema `S` takes: the base fields and the schema's input. */
export type EventInput<S extends StandardSchemaV1> = EventBaseInput &
  Fields<StandardSchemaV1.InferInput<S>>

/** An event of type `T` whose payload is the output of schema `S`. */
export type EventOf<
  T extends string,
  S extends StandardSchemaV1,
> = DomainEvent & { readonly eventType: T } & Readonly<
    Fields<StandardSchemaV1.InferOutput<S>>
  >

/** An event class made by `defineEvent`. */
export interface EventClass<
  T extends string = string,
  S extends StandardSchemaV1 = StandardSchemaV1,
> {
  new (input: EventInput<S>): EventOf<T, S>
  readonly eventType: T
  readonly aggregateType: string
  readonly eventVersion: number
  readonly schema: S
  readonly prototype: EventOf<T, S>
}

export interface DefineEventOptions<
  T extends string,
  S extends StandardSchemaV1,
> {
  /** The name stored with each event; unique within a registry. */
  eventType: T
  /** The kind of aggregate whose stream the event belongs to, such as `'Note'`. */
  aggregateType: string
  /** Validates the payload: a zod object, or any Standard Schema validator. */
  schema: S
  /** The schema's version, stored with each event (default 1). */
  eventVersion?: number
  /** Where to register the type: `defaultRegistry` unless given; `false` registers nowhere. */
  registry?: EventRegistry | false
}

/**
 * Defines an event type: a class whose instances are validated by `schema`, frozen, and registered (in
 * `defaultRegistry` unless told otherwise) so stores can read them back.
 */
export function defineEvent<const T extends string, S extends StandardSchemaV1>(
  options: DefineEventOptions<T, S>,
): EventClass<T, S> {
  const {
    eventType,
    aggregateType,
    schema,
    eventVersion = 1,
    registry = defaultRegistry,
  } = checkOptions(options)
  const definition = { eventType, aggregateType, schema, eventVersion }

  const eventClass = class extends DomainEvent {
    static readonly eventType = eventType
    static readonly aggregateType = aggregateType
    static readonly eventVersion = eventVersion
    static readonly schema = schema
    constructor(
      input: EventInput<S>,
      storedPayload?: Record<string, unknown>,
      storedMetadata?: Readonly<JsonObject>,
    ) {
      super(definition, input, storedPayload, storedMetadata)
    }
  }
  Object.defineProperty(eventClass, 'name', { value: eventType })
  const defined = eventClass as unknown as EventClass<T, S>
  if (registry) registry.register(defined)
  return defined
}

function checkOptions<T extends string, S extends StandardSchemaV1>(
  options: DefineEventOptions<T, S>,
): DefineEventOptions<T, S> {
  const problems: string[] = []
  const { eventType, aggregateType, schema, eventVersion, registry } =
    options ?? ({} as DefineEventOptions<T, S>)
  if (typeof eventType !== 'string' || eventType.trim() === '')
    problems.push(
      `eventType must be a non-empty string, got ${describe(eventType)}`,
    )
  if (typeof aggregateType !== 'string' || aggregateType.trim() === '')
    problems.push(
      `aggregateType must be a non-empty string, got ${describe(aggregateType)}`,
    )
  else {
    const tooLong = streamNameProblem(aggregateType)
    if (tooLong) problems.push(`aggregateType ${tooLong}`)
  }
  if (typeof schema?.['~standard']?.validate !== 'function')
    problems.push(
      `schema must be a zod object or another Standard Schema validator, got ${describe(schema)}`,
    )
  if (
    eventVersion !== undefined &&
    (!Number.isSafeInteger(eventVersion) || eventVersion < 1)
  )
    problems.push(
      `eventVersion must be an integer of 1 or more, got ${describe(eventVersion)}`,
    )
  if (
    registry !== undefined &&
    registry !== false &&
    typeof registry?.register !== 'function'
  )
    problems.push(
      `registry must be an EventRegistry or false, got ${describe(registry)}`,
    )
  // A zod object shows its keys up front, so a clash with a base field is caught here rather than at first use.
  const shape = (schema as { shape?: unknown } | undefined)?.shape
  if (shape !== null && typeof shape === 'object') {
    for (const key of Object.keys(shape))
      if (RESERVED_FIELDS.has(key))
        problems.push(
          `schema field "${key}" is a reserved name (a base field of every event)`,
        )
  }
  if (problems.length > 0)
    throw new InvalidArgumentError(
      `defineEvent(${typeof eventType === 'string' ? JSON.stringify(eventType) : ''}): ${problems.join('; ')}.`,
    )
  return options
}
