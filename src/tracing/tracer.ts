import {
  context,
  INVALID_SPAN_CONTEXT,
  isSpanContextValid,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api'

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
  SNAPSHOT_VERSION: 'eventsource.snapshot.version',
  DB_SYSTEM: 'db.system',
  DB_NAME: 'db.name',
} as const

/**
 * Runs `work` inside a span named `name` when `enabled`; records a thrown error on the span. `attributes`
 * is called only for a span that records: without an SDK, building them for every call would be wasted.
 * Not async itself: without a span it hands back `work`'s promise, with no promise of its own to wait on.
 * Call it from an async function, where a throw before `work` starts still becomes a rejection.
 */
export function withSpan<T>(
  enabled: boolean,
  name: string,
  attributes: () => Attributes,
  work: (span?: Span) => Promise<T>,
): Promise<T> {
  if (!enabled) return work()
  const span = tracer.startSpan(name, { kind: SpanKind.INTERNAL })
  // Without an SDK the span belongs to no trace: there is nothing to record, nor a context to pass on.
  // The no-op tracer gives the shared invalid context, told apart without checking its hex digits.
  const spanContext = span.spanContext()
  if (spanContext === INVALID_SPAN_CONTEXT || !isSpanContextValid(spanContext))
    return work()
  if (span.isRecording()) span.setAttributes(attributes())
  return context.with(trace.setSpan(context.active(), span), async () => {
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

/** One span over an iteration: the iterating code reports a failure, then the end with how many items it gave. */
export interface IterationSpan {
  fail(error: unknown): void
  end(count: number): void
}

/**
 * Starts a span for an iteration when `enabled`. The iterating generator reports to it itself, rather than
 * through a wrapping generator: each generator in a chain costs every item another round of promises.
 */
export function startIterationSpan(
  enabled: boolean,
  name: string,
  attributes: Attributes,
): IterationSpan {
  if (!enabled) return { fail: () => undefined, end: () => undefined }
  const span = tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes })
  return {
    fail: (error) => fail(span, error),
    end: (count) => {
      span.setAttribute(ATTR.EVENT_COUNT, count)
      span.end()
    },
  }
}

/** Records an error on a span without failing it: something went wrong beside the operation, not in it. */
export function recordError(span: Span | undefined, error: Error): void {
  span?.recordException(error)
}

function fail(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error))
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  })
}
