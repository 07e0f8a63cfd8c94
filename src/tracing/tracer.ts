import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api'

/**
 * OpenTelemetry spans for stores and repositories. Through `@opentelemetry/api` they cost next to nothing
 * until the application installs an SDK; with tracing disabled no span is even started.
 */
const tracer = trace.getTracer('eventsource-ts')

/** Attribute names, shared with the Python original's conventions. */
export const ATTR = {
  AGGREGATE_ID: 'eventsource.aggregate.id',
  AGGREGATE_TYPE: 'eventsource.aggregate.type',
  EVENT_COUNT: 'eventsource.event.count',
  EVENT_TYPES: 'eventsource.event.types',
  EXPECTED_VERSION: 'eventsource.expected_version',
  FROM_VERSION: 'eventsource.from_version',
  FROM_POSITION: 'eventsource.from_position',
  DB_SYSTEM: 'db.system',
  DB_NAME: 'db.name',
} as const

/**
 * Runs `work` inside a span named `name` when `enabled`; records a thrown error on the span. `attributes`
 * is called only for a span that records: without an SDK, building them for every call would be wasted.
 */
export async function withSpan<T>(enabled: boolean, name: string, attributes: () => Attributes, work: (span?: Span) => Promise<T>): Promise<T> {
  if (!enabled) return work()
  return tracer.startActiveSpan(name, { kind: SpanKind.INTERNAL }, async (span) => {
    if (span.isRecording()) span.setAttributes(attributes())
    try {
      return await work(span)
    } catch (error) {
      fail(span, error)
      throw error
    } finally {
      span.end()
    }
  })
}

/** Wraps an async iteration in one span that ends when the iteration ends, however it ends. */
export async function* withIterationSpan<T>(
  enabled: boolean,
  name: string,
  attributes: Attributes,
  iterate: () => AsyncGenerator<T>,
): AsyncGenerator<T> {
  if (!enabled) return yield* iterate()
  const span = tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes })
  let count = 0
  try {
    for await (const item of iterate()) {
      count++
      yield item
    }
  } catch (error) {
    fail(span, error)
    throw error
  } finally {
    span.setAttribute(ATTR.EVENT_COUNT, count)
    span.end()
  }
}

function fail(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error))
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) })
}
