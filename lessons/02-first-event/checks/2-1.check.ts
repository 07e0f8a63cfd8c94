/**
 * Checks exercise 2-1: two event types with schemas, in a registry of
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
  typeof import('../../../solutions/02-first-event/2-1-refund-events.ts')

const request = {
  aggregateId: 'order-1001',
  reason: 'The mug arrived broken',
  amountCents: 1250,
}
const refund = {
  aggregateId: 'payment-7001',
  orderId: 'order-1001',
  amountCents: 1250,
}
/** Amounts that are not a positive whole number of cents. */
const BAD_AMOUNTS: unknown[] = [0, -1250, 12.5, '1250', undefined]

const show = (value: unknown) =>
  value === undefined
    ? 'no amountCents'
    : `amountCents ${JSON.stringify(value)}`

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

/** Checks that a class is the event type named, of the aggregate named. */
function expectEventType(
  eventClass: AnyEventClass,
  exportName: string,
  aggregateType: string,
): void {
  assert.ok(
    typeof eventClass === 'function' &&
      eventClass.prototype instanceof DomainEvent,
    `${exportName} must be a class made by defineEvent({ ... }), ` +
      `got ${String(eventClass)}`,
  )
  expect(eventClass.eventType, `the eventType of ${exportName}`).toBe(
    exportName,
  )
  expect(
    eventClass.aggregateType,
    `${exportName} belongs to the ${aggregateType} aggregate: its ` +
      'aggregateType',
  ).toBe(aggregateType)
}

/** Builds a valid event, and checks it kept every payload field given. */
function expectKept(
  build: () => DomainEvent,
  name: string,
  payload: Record<string, unknown>,
): void {
  let event: DomainEvent
  try {
    event = build()
  } catch (error) {
    assert.fail(
      `A valid ${name} was refused: ${quoted(error)}. Check its schema ` +
        'against the exercise.',
    )
  }
  for (const [field, value] of Object.entries(payload))
    assert.deepEqual(
      (event as unknown as Record<string, unknown>)[field],
      value,
      `${name} lost ${field}: add ${field} to its schema (zod drops ` +
        'the fields its schema does not name).',
    )
}

for (const target of await checkTargets('2-1')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { refundRegistry, OrderRefundRequested, PaymentRefunded } =
      loaded.module
    const { reason: _, ...withoutReason } = request
    const { orderId: __, ...withoutOrderId } = refund

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

      test('OrderRefundRequested is an event type of the Order aggregate', () =>
        expectEventType(OrderRefundRequested, 'OrderRefundRequested', 'Order'))

      test('PaymentRefunded is an event type of the Payment aggregate', () =>
        expectEventType(PaymentRefunded, 'PaymentRefunded', 'Payment'))

      test(
        'a valid OrderRefundRequested keeps its reason ' + 'and amountCents',
        () =>
          expectKept(
            () => new OrderRefundRequested(request),
            'OrderRefundRequested',
            { reason: request.reason, amountCents: request.amountCents },
          ),
      )

      test('OrderRefundRequested refuses a missing or empty reason', () => {
        const rule = 'a refund request needs a reason, a non-empty string'
        expectRefused(
          () => new OrderRefundRequested(withoutReason as never),
          'reason',
          'An OrderRefundRequested without a reason',
          rule,
        )
        expectRefused(
          () => new OrderRefundRequested({ ...request, reason: '' }),
          'reason',
          "An OrderRefundRequested with reason ''",
          rule,
        )
      })

      test(
        'OrderRefundRequested refuses an amountCents that is not ' +
          'a positive whole number',
        () => {
          for (const amountCents of BAD_AMOUNTS)
            expectRefused(
              () =>
                new OrderRefundRequested({
                  ...request,
                  amountCents: amountCents as number,
                }),
              'amountCents',
              `An OrderRefundRequested with ${show(amountCents)}`,
              'amountCents must be a positive whole number of cents',
            )
        },
      )

      test('a valid PaymentRefunded keeps its orderId and amountCents', () =>
        expectKept(() => new PaymentRefunded(refund), 'PaymentRefunded', {
          orderId: refund.orderId,
          amountCents: refund.amountCents,
        }))

      test('PaymentRefunded refuses a missing or empty orderId', () => {
        const rule = 'a refund names its order: orderId, a non-empty string'
        expectRefused(
          () => new PaymentRefunded(withoutOrderId as never),
          'orderId',
          'A PaymentRefunded without an orderId',
          rule,
        )
        expectRefused(
          () => new PaymentRefunded({ ...refund, orderId: '' }),
          'orderId',
          "A PaymentRefunded with orderId ''",
          rule,
        )
      })

      test(
        'PaymentRefunded refuses an amountCents that is not ' +
          'a positive whole number',
        () => {
          for (const amountCents of BAD_AMOUNTS)
            expectRefused(
              () =>
                new PaymentRefunded({
                  ...refund,
                  amountCents: amountCents as number,
                }),
              'amountCents',
              `A PaymentRefunded with ${show(amountCents)}`,
              'amountCents must be a positive whole number of cents',
            )
        },
      )

      test('events of both types are frozen', () => {
        for (const event of [
          new OrderRefundRequested(request),
          new PaymentRefunded(refund),
        ])
          assert.ok(
            Object.isFrozen(event) && !Reflect.set(event, 'amountCents', 1),
            `A ${event.eventType} could be changed after it was made: ` +
              'make its class with defineEvent, whose events are frozen',
          )
      })

      test(
        'both types are in refundRegistry, ' + 'and not in defaultRegistry',
        () => {
          for (const eventClass of [OrderRefundRequested, PaymentRefunded]) {
            const { eventType } = eventClass
            const has = refundRegistry.list().join(', ') || 'nothing'
            // Compared by class: another answer checked in this run may have
            // put a class of the same name in defaultRegistry.
            const inDefault =
              defaultRegistry.has(eventType) &&
              defaultRegistry.get(eventType) === eventClass
            const where = inDefault
              ? `; it is in defaultRegistry, where defineEvent puts a type ` +
                'unless told otherwise'
              : ''
            assert.ok(
              refundRegistry.has(eventType) &&
                refundRegistry.get(eventType) === eventClass,
              `refundRegistry lacks ${eventType} (it has ${has})${where}: ` +
                'pass registry: refundRegistry to defineEvent',
            )
            assert.ok(
              !inDefault,
              `${eventType} is in defaultRegistry too: defineEvent puts a ` +
                'type there unless you pass registry: refundRegistry',
            )
          }
        },
      )

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
        expect(
          refundRegistry.register(OrderRefundRequested),
          'registering the same class again changes nothing',
        ).toBe(OrderRefundRequested)
      })
    })
  })
}
