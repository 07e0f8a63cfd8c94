/**
 * Checks exercise 02-1: two event types with schemas, in a registry of
 * their own.
 */
import assert from 'node:assert/strict'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  defaultRegistry,
  defineEvent,
  DomainEvent,
  DuplicateEventTypeError,
  EventRegistry,
  EventValidationError,
  type AnyEventClass,
} from 'eventsource-ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/02-first-event/02-1-refund-events.ts')

/** What the checks need to know of each event type the exercise asks for. */
interface EventSpec {
  name: 'OrderRefundRequested' | 'PaymentRefunded'
  aggregateType: string
  /** Valid base fields and payload. */
  valid: Record<string, string | number>
  /** Its non-empty string field, and why it must be there. */
  text: { field: string; rule: string }
}

const SPECS: EventSpec[] = [
  {
    name: 'OrderRefundRequested',
    aggregateType: 'Order',
    valid: {
      aggregateId: 'order-1001',
      reason: 'The mug arrived broken',
      amountCents: 1250,
    },
    text: {
      field: 'reason',
      rule: 'a refund request needs a reason, a non-empty string',
    },
  },
  {
    name: 'PaymentRefunded',
    aggregateType: 'Payment',
    valid: {
      aggregateId: 'payment-7001',
      orderId: 'order-1001',
      amountCents: 1250,
    },
    text: {
      field: 'orderId',
      rule: 'a refund names its order: orderId, a non-empty string',
    },
  },
]

/** Amounts that are not a positive whole number of cents. */
const BAD_AMOUNTS: unknown[] = [0, -1250, 12.5, '1250', undefined]
const AMOUNT_RULE = 'amountCents must be a positive whole number of cents'

/** Builds an event that must be refused for `field`, and says why not. */
function expectRefused(
  build: () => unknown,
  field: string,
  situation: string,
  rule: string,
): void {
  let error: unknown
  try {
    build()
  } catch (thrown) {
    error = thrown
  }
  assert.ok(
    error !== undefined,
    `${situation} was accepted: ${rule}. Make the schema refuse it.`,
  )
  assert.ok(
    error instanceof EventValidationError,
    `${situation} threw ${quoted(error)}, not an EventValidationError`,
  )
  const paths = error.issues.map((issue) => issue.path || '(event)')
  assert.ok(
    paths.includes(field),
    `${situation} was refused, but not for ${field} (for ` +
      `${paths.join(', ')}): ${rule}.`,
  )
}

for (const target of await checkTargets('02-1')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { refundRegistry } = loaded.module
    const classOf = (spec: EventSpec): AnyEventClass => loaded.module[spec.name]
    /** An event of a spec's type, from any input, as untyped code makes it. */
    const make = (spec: EventSpec, input: Record<string, unknown>) =>
      new (classOf(spec) as unknown as new (input: unknown) => DomainEvent)(
        input,
      )

    describe('checks', () => {
      test('refundRegistry is a new EventRegistry, not defaultRegistry', () => {
        assert.ok(
          refundRegistry instanceof EventRegistry,
          'refundRegistry must be an EventRegistry: new EventRegistry(), ' +
            `got ${String(refundRegistry)}`,
        )
        assert.ok(
          refundRegistry !== defaultRegistry,
          'refundRegistry is defaultRegistry: the refunds module wants a ' +
            'registry of its own, new EventRegistry()',
        )
      })

      for (const spec of SPECS) {
        const { name, aggregateType, valid, text } = spec

        const ofAggregate = `of the ${aggregateType} aggregate`
        test(`${name} is an event type ${ofAggregate}`, () => {
          const eventClass = classOf(spec)
          assert.ok(
            typeof eventClass === 'function' &&
              eventClass.prototype instanceof DomainEvent,
            `${name} must be a class made by defineEvent({ ... }), ` +
              `got ${String(eventClass)}`,
          )
          expect(eventClass.eventType, `the eventType of ${name}`).toBe(name)
          expect(
            eventClass.aggregateType,
            `${name} belongs to the ${aggregateType} aggregate: its ` +
              'aggregateType',
          ).toBe(aggregateType)
        })

        test(`a valid ${name} keeps its ${text.field} and amountCents`, () => {
          let event: DomainEvent
          try {
            event = make(spec, valid)
          } catch (error) {
            assert.fail(
              `A valid ${name} was refused: ${quoted(error)}. Check its ` +
                'schema against the exercise.',
            )
          }
          for (const field of [text.field, 'amountCents'])
            assert.deepEqual(
              (event as unknown as Record<string, unknown>)[field],
              valid[field],
              `${name} lost ${field}: add ${field} to its schema (zod ` +
                'drops the fields its schema does not name).',
            )
        })

        test(`${name} refuses a missing or empty ${text.field}`, () => {
          const { [text.field]: _, ...without } = valid
          expectRefused(
            () => make(spec, without),
            text.field,
            `A ${name} without ${text.field}`,
            text.rule,
          )
          expectRefused(
            () => make(spec, { ...valid, [text.field]: '' }),
            text.field,
            `A ${name} with ${text.field} ''`,
            text.rule,
          )
        })

        test(
          `${name} refuses an amountCents that is not ` +
            'a positive whole number',
          () => {
            for (const amountCents of BAD_AMOUNTS) {
              const shown =
                amountCents === undefined
                  ? 'no amountCents'
                  : `amountCents ${JSON.stringify(amountCents)}`
              expectRefused(
                () => make(spec, { ...valid, amountCents }),
                'amountCents',
                `A ${name} with ${shown}`,
                AMOUNT_RULE,
              )
            }
          },
        )
      }

      test('events of both types are frozen', () => {
        for (const spec of SPECS) {
          const event = make(spec, spec.valid)
          assert.ok(
            Object.isFrozen(event) && !Reflect.set(event, 'amountCents', 1),
            `A ${spec.name} could be changed after it was made: make its ` +
              'class with defineEvent, whose events are frozen',
          )
        }
      })

      test('both types are in refundRegistry, not in defaultRegistry', () => {
        for (const spec of SPECS) {
          const eventClass = classOf(spec)
          const has = refundRegistry.list().join(', ') || 'nothing'
          // Compared by class: another answer checked in this run may have
          // put a class of the same name in defaultRegistry.
          const inDefault =
            defaultRegistry.has(spec.name) &&
            defaultRegistry.get(spec.name) === eventClass
          const where = inDefault
            ? '; it is in defaultRegistry, where defineEvent puts a type ' +
              'unless told otherwise'
            : ''
          assert.ok(
            refundRegistry.has(spec.name) &&
              refundRegistry.get(spec.name) === eventClass,
            `refundRegistry lacks ${spec.name} (it has ${has})${where}: ` +
              'pass registry: refundRegistry to defineEvent',
          )
          assert.ok(
            !inDefault,
            `${spec.name} is in defaultRegistry too: defineEvent puts a ` +
              'type there unless you pass registry: refundRegistry',
          )
        }
      })

      test('refundRegistry refuses another class under a taken name', () => {
        const Impostor = defineEvent({
          eventType: 'OrderRefundRequested',
          aggregateType: 'Order',
          schema: z.object({}),
          registry: false,
        })
        assert.throws(
          () => refundRegistry.register(Impostor),
          DuplicateEventTypeError,
          'refundRegistry took a second class named OrderRefundRequested: ' +
            'register OrderRefundRequested in it first',
        )
        const { OrderRefundRequested } = loaded.module
        expect(
          refundRegistry.register(OrderRefundRequested),
          'registering the same class again changes nothing',
        ).toBe(OrderRefundRequested)
      })
    })
  })
}
