// Property-based tests: random sequences of appends and reads run against every store and against a plain
// reference model. Every answer of every store must match the model, so the stores agree with each other.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  defineEvent,
  DuplicateEventIdError,
  EventRegistry,
  ExpectedVersion,
  OptimisticLockError,
  type DomainEvent,
  type JsonObject,
  type StoredEvent,
} from 'eventsource-ts'
import { seed } from './support/random.ts'
import { sized } from './support/soak.ts'
import { usePostgresDatabase } from '../support/postgres-server.ts'
import { shown, useStoreTargets, type LibraryStore } from './support/targets.ts'
import {
  ReferenceModel,
  type ModelAppend,
  type ModelAppendInput,
  type ModelEvent,
  type ModelOutcome,
} from './support/reference-model.ts'

const dir = mkdtempSync(join(tmpdir(), 'es-properties-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const registry = new EventRegistry()
const Opened = defineEvent({
  eventType: 'Opened',
  aggregateType: 'Account',
  schema: z.object({ owner: z.string() }),
  registry,
})
const Deposited = defineEvent({
  eventType: 'Deposited',
  aggregateType: 'Account',
  schema: z.object({ amount: z.number().int() }),
  registry,
})
const Labelled = defineEvent({
  eventType: 'Labelled',
  aggregateType: 'Ledger',
  schema: z.object({ label: z.string() }),
  registry,
})

/** Streams with awkward ids, and one id under two aggregate types. */
const STREAMS = [
  { aggregateId: 'acc-1', aggregateType: 'Account' },
  { aggregateId: 'ünï-☃-𝄞', aggregateType: 'Account' },
  { aggregateId: "x'); DROP TABLE events; --", aggregateType: 'Account' },
  { aggregateId: 'acc-1', aggregateType: 'Ledger' },
] as const

const TARGETS = useStoreTargets(dir, usePostgresDatabase())

// ---- the commands, as plain data that fast-check generates and shrinks ----

const text = fc
  .string({ unit: 'grapheme', maxLength: 12 })
  .filter((s) => !s.includes('\u0000'))
const jsonLeaf = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
)
const metadata = fc.option(
  fc.dictionary(
    text,
    fc.oneof(jsonLeaf, fc.array(jsonLeaf, { maxLength: 3 })),
    { maxKeys: 3 },
  ),
  { nil: undefined },
)

const eventSpec = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('new' as const),
      variant: fc.nat(1),
      text,
      amount: fc.integer(),
      tenantId: fc.constantFrom(undefined, 't1', 't2'),
      metadata,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('repeat' as const),
      which: fc.nat(),
    }),
  },
)
type EventSpec = typeof eventSpec extends fc.Arbitrary<infer T> ? T : never
/** Spoils a batch now and then: the same event twice, or an event of another stream. */
const spoiler = fc.oneof(
  { weight: 8, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('twin' as const, 'foreign' as const),
  },
)

const expectedSpec = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'any' as const,
      'noStream' as const,
      'exists' as const,
      'exact' as const,
      'exact' as const,
    ),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0),
  },
)

const stream = fc.nat(STREAMS.length - 1)
const appendSpec = fc.record({
  stream,
  events: fc.array(eventSpec, { maxLength: 4 }),
  spoil: spoiler,
  expected: expectedSpec,
})
type AppendSpec = typeof appendSpec extends fc.Arbitrary<infer T> ? T : never
const command = fc.oneof(
  {
    weight: 5,
    arbitrary: appendSpec.map((spec) => ({ kind: 'append' as const, ...spec })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('appendStreams' as const),
      appends: fc.array(appendSpec, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('getEvents' as const),
      stream,
      fromVersion: fc.nat(6),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('readAll' as const),
      after: fc.nat(40),
      limit: fc.option(fc.nat(8), { nil: undefined }),
      direction: fc.constantFrom('forward' as const, 'backward' as const),
      eventTypes: fc.option(
        fc.subarray(['Opened', 'Deposited', 'Labelled', 'Unknown']),
        { nil: undefined },
      ),
      aggregateTypes: fc.option(fc.subarray(['Account', 'Ledger']), {
        nil: undefined,
      }),
      tenantId: fc.constantFrom(undefined, 't1', 't2'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('streamVersion' as const),
      stream,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('eventExists' as const),
      which: fc.nat(),
      upperCase: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('globalPosition' as const) }),
  },
)
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never

// ---- running a program against the model and every store in lockstep ----

/** A store under test, with the global position it gave each model log entry (positions may have gaps). */
interface Subject {
  name: string
  store: LibraryStore
  positions: number[]
}

async function outcome<T>(
  work: () => Promise<T>,
): Promise<{ ok: T } | { error: Error }> {
  try {
    return { ok: await work() }
  } catch (error) {
    return { error: error as Error }
  }
}

async function collect(
  iterable: AsyncIterable<StoredEvent>,
): Promise<StoredEvent[]> {
  const all: StoredEvent[] = []
  for await (const stored of iterable) all.push(stored)
  return all
}

const asRead = (stored: DomainEvent) =>
  JSON.parse(JSON.stringify(stored)) as unknown
const modelRead = (events: ModelEvent[]) => events.map((e) => e.json)

/** What the programs did, so the report shows every path was taken. */
const tally = {
  commands: 0,
  written: 0,
  skipped: 0,
  empty: 0,
  multiStream: 0,
  conflicts: 0,
  duplicateIds: 0,
  invalid: 0,
}

class Program {
  readonly model = new ReferenceModel()
  readonly ids: string[] = []
  #nextId = 0

  constructor(readonly subjects: Subject[]) {}

  newId(): string {
    return `00000000-0000-4000-8000-${String(++this.#nextId).padStart(12, '0')}`
  }

  /** The events of an append, built once and given to every store alike. */
  buildEvents(
    target: (typeof STREAMS)[number],
    specs: EventSpec[],
    spoil: 'twin' | 'foreign' | undefined,
  ): DomainEvent[] {
    const events: DomainEvent[] = []
    for (const spec of specs) {
      const eventId =
        spec.kind === 'repeat' && this.ids.length > 0
          ? this.ids[spec.which % this.ids.length]!
          : this.newId()
      const s =
        spec.kind === 'new'
          ? spec
          : {
              variant: 0,
              text: 'again',
              amount: 1,
              tenantId: undefined,
              metadata: undefined,
            }
      const base = {
        eventId,
        aggregateId: target.aggregateId,
        tenantId: s.tenantId,
        metadata: s.metadata as JsonObject | undefined,
      }
      events.push(
        target.aggregateType === 'Ledger'
          ? new Labelled({ ...base, label: s.text })
          : s.variant === 0
            ? new Opened({ ...base, owner: s.text })
            : new Deposited({ ...base, amount: s.amount }),
      )
    }
    for (const e of events)
      if (!this.ids.includes(e.eventId)) this.ids.push(e.eventId)
    if (spoil === 'twin' && events.length > 0) events.push(events[0]!)
    if (spoil === 'foreign')
      events.push(
        new Labelled({
          aggregateId: `${target.aggregateId}-elsewhere`,
          label: 'foreign',
        }),
      )
    return events
  }

  /** An append as every store gets it; the expected version is worked out from the model as it is now. */
  appendInput(spec: AppendSpec): ModelAppendInput {
    const target = STREAMS[spec.stream]!
    const current = this.model.version(target.aggregateId, target.aggregateType)
    const expectedVersion =
      spec.expected === 'any'
        ? ExpectedVersion.ANY
        : spec.expected === 'noStream'
          ? ExpectedVersion.NO_STREAM
          : spec.expected === 'exists'
            ? ExpectedVersion.STREAM_EXISTS
            : spec.expected === 'exact'
              ? current
              : current + spec.expected >= 0
                ? current + spec.expected
                : current + 1
    return {
      ...target,
      events: this.buildEvents(target, spec.events, spec.spoil),
      expectedVersion,
    }
  }

  async run(cmd: Command): Promise<void> {
    const model = this.model
    switch (cmd.kind) {
      case 'append':
      case 'appendStreams': {
        const appends = (cmd.kind === 'append' ? [cmd] : cmd.appends).map(
          (spec) => this.appendInput(spec),
        )
        const logBefore = model.log.length
        const expected =
          cmd.kind === 'append'
            ? asList(model.append(appends[0]!))
            : model.appendStreams(appends)
        count(cmd.kind, expected, model.log.length - logBefore, appends)
        for (const subject of this.subjects) {
          const actual = await outcome(() =>
            cmd.kind === 'append'
              ? subject.store.appendEvents(appends[0]!).then((r) => [r])
              : subject.store.appendStreams(appends),
          )
          if ('error' in expected) {
            expect(
              'error' in actual ? actual.error : actual.ok,
              `${subject.name}: ${cmd.kind}`,
            ).toBeInstanceOf(expected.error)
            expect(
              'error' in actual && actual.error,
              `${subject.name}: the error's fields`,
            ).toMatchObject(expected.fields ?? {})
            continue
          }
          if ('error' in actual)
            throw new Error(
              `${subject.name}: ${cmd.kind} failed: ${actual.error.message}`,
            )
          await shown(
            subject.store,
            Math.max(...actual.ok.map((r) => r.globalPosition)),
          )
          await this.learnPositions(subject, logBefore)
          const results = expected.ok.map(({ positionOf, ...rest }) => ({
            ...rest,
            globalPosition:
              positionOf === undefined
                ? 0
                : subject.positions[
                    model.log.findIndex((e) => e.eventId === positionOf)
                  ],
          }))
          expect(actual.ok, `${subject.name}: ${cmd.kind} results`).toEqual(
            results,
          )
        }
        return
      }
      case 'getEvents': {
        const { aggregateId, aggregateType } = STREAMS[cmd.stream]!
        const events = model.getEvents(
          aggregateId,
          aggregateType,
          cmd.fromVersion,
        )
        const version = model.version(aggregateId, aggregateType)
        for (const subject of this.subjects) {
          const stream = await subject.store.getEvents(
            aggregateId,
            aggregateType,
            { fromVersion: cmd.fromVersion },
          )
          expect(
            { version: stream.version, events: stream.events.map(asRead) },
            `${subject.name}: getEvents`,
          ).toEqual({ version, events: modelRead(events) })
        }
        return
      }
      case 'readAll': {
        const { kind: _, after: wanted, ...options } = cmd
        const after = Math.min(wanted, model.log.length)
        const events = model.readAll({ ...options, after })
        for (const subject of this.subjects) {
          const fromPosition = after === 0 ? 0 : subject.positions[after - 1]!
          const read = await collect(
            subject.store.readAll({ ...options, fromPosition }),
          )
          expect(
            read.map((s) => asRead(s.event)),
            `${subject.name}: readAll`,
          ).toEqual(modelRead(events))
          expect(read.map((s) => s.streamPosition)).toEqual(
            events.map((e) => e.version),
          )
          expect(read.map((s) => s.globalPosition)).toEqual(
            events.map((e) => subject.positions[model.log.indexOf(e)]),
          )
        }
        return
      }
      case 'streamVersion': {
        const { aggregateId, aggregateType } = STREAMS[cmd.stream]!
        for (const subject of this.subjects) {
          expect(
            await subject.store.getStreamVersion(aggregateId, aggregateType),
            subject.name,
          ).toBe(model.version(aggregateId, aggregateType))
        }
        return
      }
      case 'eventExists': {
        const id =
          this.ids.length > 0
            ? this.ids[cmd.which % this.ids.length]!
            : this.newId()
        const asked = cmd.upperCase ? id.toUpperCase() : id
        for (const subject of this.subjects)
          expect(await subject.store.eventExists(asked), subject.name).toBe(
            model.has(id),
          )
        return
      }
      case 'globalPosition': {
        for (const subject of this.subjects)
          expect(await subject.store.getGlobalPosition(), subject.name).toBe(
            subject.positions.at(-1) ?? 0,
          )
      }
    }
  }

  /** Reads what an append added to a store: the same events as the model's, in the same order. */
  private async learnPositions(
    subject: Subject,
    logBefore: number,
  ): Promise<void> {
    const added = this.model.log.slice(logBefore)
    if (added.length === 0) return
    const read = await collect(
      subject.store.readAll({ fromPosition: subject.positions.at(-1) ?? 0 }),
    )
    expect(
      read.map((s) => s.event.eventId),
      `${subject.name}: events added by the append`,
    ).toEqual(added.map((e) => e.eventId))
    subject.positions.push(...read.map((s) => s.globalPosition))
  }
}

function asList<T>(outcome: ModelOutcome<T>): ModelOutcome<T[]> {
  return 'ok' in outcome ? { ok: [outcome.ok] } : outcome
}

function count(
  kind: Command['kind'],
  expected: ModelOutcome<ModelAppend[]>,
  written: number,
  appends: ModelAppendInput[],
): void {
  if (kind === 'appendStreams') tally.multiStream++
  if ('ok' in expected) {
    tally.written += written
    tally.skipped += expected.ok.reduce((sum, r) => sum + r.skipped, 0)
    tally.empty += appends.filter((a) => a.events.length === 0).length
  } else if (expected.error === OptimisticLockError) tally.conflicts++
  else if (expected.error === DuplicateEventIdError) tally.duplicateIds++
  else tally.invalid++
}

/** Programs to run, each against every store: enough in `npm test` for every path below to be taken. */
const RUNS = sized(25, 100)
describe('property-based: every store matches the reference model', () => {
  it(`${RUNS} random programs of appends and reads against ${TARGETS.map((t) => t.name).join(', ')} (seed ${seed})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 40, size: 'max' }),
        async (commands) => {
          const subjects: Subject[] = []
          for (const target of TARGETS)
            subjects.push({
              name: target.name,
              store: await target.create(registry),
              positions: [],
            })
          try {
            for (const subject of subjects) await subject.store.initialize()
            const program = new Program(subjects)
            for (const cmd of commands) await program.run(cmd)
            tally.commands += commands.length
          } finally {
            for (const subject of subjects) await subject.store.close()
          }
        },
      ),
      { seed, numRuns: RUNS },
    )
    const t = tally
    console.log(
      `properties: ${RUNS} runs, ${t.commands} commands (${t.multiStream} multi-stream appends), each against ${TARGETS.length} stores and the model; ` +
        `appends wrote ${t.written} events, skipped ${t.skipped} stored ids, ${t.empty} empty; refused ${t.conflicts} version conflicts, ` +
        `${t.duplicateIds} ids of other streams, ${t.invalid} invalid batches`,
    )
    expect(
      Math.min(
        t.written,
        t.skipped,
        t.empty,
        t.multiStream,
        t.conflicts,
        t.duplicateIds,
        t.invalid,
      ),
    ).toBeGreaterThan(0)
  }, 120_000)
})
