/** Checks exercise 02-2: a validation error that says which field is wrong. */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { OrderPlaced } from '../orders.ts'
import { MUGS_AND_TEA } from '../sample-order.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/02-first-event/02-2-checkout.ts')
type Checkout = ReturnType<Answer['placeOrder']>

/** A form as the checkout posts it for a good order. */
const goodForm = MUGS_AND_TEA

const show = (value: unknown) => JSON.stringify(value)

/** The errors of a form that must be refused, or a failure saying so. */
function errorsOf(result: Checkout, situation: string): Record<string, string> {
  assert.ok(
    result && typeof result === 'object' && 'ok' in result,
    `placeOrder() must return { ok: true, event } or { ok: false, errors }, ` +
      `got ${show(result)}`,
  )
  assert.ok(
    !result.ok,
    `${situation}: placeOrder() returned { ok: true }, but OrderPlaced ` +
      'must refuse this form',
  )
  assert.ok(
    result.errors && typeof result.errors === 'object',
    `${situation}: { ok: false } needs its errors, an object, ` +
      `got ${show(result.errors)}`,
  )
  return result.errors
}

for (const target of await checkTargets('02-2')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { placeOrder } = loaded.module

    describe('checks', () => {
      test(
        'a good form gives { ok: true } ' + 'and the OrderPlaced of that order',
        () => {
          const orderId = `order-${randomUUID()}`
          let result: Checkout
          try {
            result = placeOrder(orderId, goodForm)
          } catch (error) {
            assert.fail(`A good form made placeOrder() throw ${quoted(error)}`)
          }
          assert.ok(
            result?.ok === true,
            `A good form must give { ok: true, event }, got ${show(result)}`,
          )
          assert.ok(
            result.event instanceof OrderPlaced,
            `event must be an OrderPlaced, got ${show(result.event)}`,
          )
          expect(
            result.event.aggregateId,
            'the event is of order orderId',
          ).toBe(orderId)
          for (const [field, value] of Object.entries(goodForm))
            expect(
              (result.event as unknown as Record<string, unknown>)[field],
              `the event's ${field} is the form's`,
            ).toEqual(value)
        },
      )

      test(
        "a form with one wrong field gives { ok: false } and that field's " +
          'message',
        () => {
          const errors = errorsOf(
            placeOrder('order-1001', { ...goodForm, currency: 'eur' }),
            "A form with currency 'eur'",
          )
          assert.deepEqual(
            errors,
            { currency: 'must be in capital letters, such as EUR' },
            "With currency 'eur', errors must map the field to its " +
              "message: { currency: 'must be in capital letters, such as " +
              `EUR' }, got ${show(errors)}. Take each issue's path and ` +
              'message from error.issues',
          )
        },
      )

      test('every wrong field is there, under its full path', () => {
        const errors = errorsOf(
          placeOrder('order-1001', {
            ...goodForm,
            customerId: '',
            items: [goodForm.items[0], { ...goodForm.items[1], quantity: 0 }],
            totalCents: -1,
          }),
          'A form with three wrong fields',
        )
        const wanted = ['customerId', 'items.1.quantity', 'totalCents']
        const missing = wanted.filter((path) => !(path in errors))
        assert.ok(
          missing.length === 0,
          `A form with customerId '', quantity 0 in its second item and ` +
            `totalCents -1 must have errors for ${wanted.join(', ')}; ` +
            `they lack ${missing.join(', ')} (got ${show(errors)}). ` +
            'Add an entry for every issue in error.issues, not the first ' +
            'only',
        )
        for (const path of wanted)
          expect(errors[path], `the message for ${path}`).toMatch(/\w/)
      })

      test(
        'a field with two problems gets both messages, ' + 'joined by "; "',
        () => {
          const errors = errorsOf(
            placeOrder('order-1001', { ...goodForm, currency: 'euro' }),
            "A form with currency 'euro'",
          )
          const both =
            'must have three letters; must be in capital letters, such as EUR'
          assert.equal(
            errors.currency,
            both,
            `currency 'euro' has two problems, so errors.currency must be ` +
              `'${both}', got ${show(errors.currency)}: when a path already ` +
              "has a message, add the next one after '; '",
          )
        },
      )

      test("the form cannot set the event's base fields", () => {
        const orderId = `order-${randomUUID()}`
        const eventId = randomUUID()
        const result = placeOrder(orderId, {
          ...goodForm,
          aggregateId: 'order-of-someone-else',
          actorId: 'admin',
          tenantId: 'another-shop',
          eventId,
          metadata: { discount: '100%' },
        })
        assert.ok(
          result?.ok === true,
          'A good form with base fields in it must still give { ok: true }: ' +
            `got ${show(result)}`,
        )
        const { event } = result
        const taken = (
          [
            ['aggregateId', event.aggregateId !== orderId],
            ['eventId', event.eventId === eventId],
            ['actorId', event.actorId !== undefined],
            ['tenantId', event.tenantId !== undefined],
            ['metadata', Object.keys(event.metadata).length > 0],
          ] as const
        )
          .filter(([, fromForm]) => fromForm)
          .map(([field]) => field)
        assert.ok(
          taken.length === 0,
          `The event took ${taken.join(', ')} from the form: build it ` +
            'from orderId and the four payload fields only, never by ' +
            'spreading the whole form',
        )
      })
    })
  })
}
