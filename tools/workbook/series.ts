/**
 * The series: 21 lessons in four phases, as the Python original has them. A lesson is available once its
 * folder, lessons/NN-slug/, has a lesson.ts (see course.ts); this list only names and places each one.
 */

export interface SeriesLesson {
  number: number
  title: string
  phase: string
  teaches: string
}

const FOUNDATIONS = 'Phase 1: Foundations'
const CORE = 'Phase 2: Core patterns'
const PRODUCTION = 'Phase 3: Production'
const ADVANCED = 'Phase 4: Advanced'

export const series: readonly SeriesLesson[] = [
  {
    number: 1,
    phase: FOUNDATIONS,
    title: 'Introduction to event sourcing',
    teaches:
      'Events instead of overwritten state; trade-offs; a first in-memory run',
  },
  {
    number: 2,
    phase: FOUNDATIONS,
    title: 'Your first domain event',
    teaches: 'Event types, base fields, immutability, validation, the registry',
  },
  {
    number: 3,
    phase: FOUNDATIONS,
    title: 'Your first aggregate',
    teaches: 'State rebuilt from events, command methods, version checks',
  },
  {
    number: 4,
    phase: FOUNDATIONS,
    title: 'Event stores',
    teaches:
      'Appending, optimistic concurrency with expected versions, reading streams and the whole log',
  },
  {
    number: 5,
    phase: FOUNDATIONS,
    title: 'Repositories',
    teaches: 'The load, modify and save cycle; exists; load-or-create',
  },
  {
    number: 6,
    phase: CORE,
    title: 'Projections',
    teaches: 'Read models built from events (CQRS)',
  },
  {
    number: 7,
    phase: CORE,
    title: 'The event bus',
    teaches: 'Publishing saved events to subscribers in process',
  },
  {
    number: 8,
    phase: CORE,
    title: 'Testing',
    teaches: 'Given-when-then tests, replay tests, fixtures',
  },
  {
    number: 9,
    phase: CORE,
    title: 'Error handling',
    teaches: 'The error hierarchy, retries, dead letters',
  },
  {
    number: 10,
    phase: CORE,
    title: 'Checkpoints',
    teaches: 'Resumable processing that remembers its position',
  },
  {
    number: 11,
    phase: PRODUCTION,
    title: 'PostgreSQL',
    teaches: 'The production store: schema, pooling, the outbox',
  },
  {
    number: 12,
    phase: PRODUCTION,
    title: 'SQLite for development and testing',
    teaches:
      'In-memory and file stores, WAL, configuration, fixtures, environments, migration to PostgreSQL',
  },
  {
    number: 13,
    phase: PRODUCTION,
    title: 'Subscriptions',
    teaches: "Catch-up, then live delivery, and a subscription's lifecycle",
  },
  {
    number: 14,
    phase: PRODUCTION,
    title: 'Snapshots',
    teaches: 'Faster loads for long streams',
  },
  {
    number: 15,
    phase: PRODUCTION,
    title: 'Production deployment',
    teaches: 'Health checks, graceful shutdown, monitoring',
  },
  {
    number: 16,
    phase: ADVANCED,
    title: 'Multi-tenancy',
    teaches: 'Tenant isolation in stores and read models',
  },
  {
    number: 17,
    phase: ADVANCED,
    title: 'Redis event bus',
    teaches: 'Distribution with Redis Streams and consumer groups',
  },
  {
    number: 18,
    phase: ADVANCED,
    title: 'Kafka event bus',
    teaches: 'Partitions and consumer groups at high throughput',
  },
  {
    number: 19,
    phase: ADVANCED,
    title: 'RabbitMQ event bus',
    teaches: 'Exchanges and routing',
  },
  {
    number: 20,
    phase: ADVANCED,
    title: 'Observability',
    teaches: 'Tracing with OpenTelemetry',
  },
  {
    number: 21,
    phase: ADVANCED,
    title: 'Advanced aggregates',
    teaches: 'Value objects, child entities, schema versioning',
  },
]
