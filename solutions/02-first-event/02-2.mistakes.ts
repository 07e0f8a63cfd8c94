/** Known wrong answers to 02-2: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'first-issue-only',
    what: 'reports the first issue of the error, not all of them',
    replace: [['of error.issues)', 'of error.issues.slice(0, 1))']],
    fails: ['every wrong field is there'],
    says: ['they lack items.1.quantity, totalCents', 'not the first only'],
  },
  {
    name: 'last-message-wins',
    what: "a field's second problem overwrites its first",
    replace: [
      [
        'errors[path] = errors[path] ? `${errors[path]}; ${message}` : message',
        'errors[path] = message',
      ],
    ],
    fails: ['a field with two problems gets both messages'],
    says: ["after '; '"],
  },
  {
    name: 'whole-message',
    what: "puts the error's whole message under one key",
    replace: [
      [
        'return { ok: false, errors }',
        'return { ok: false, errors: { form: error.message } }',
      ],
    ],
    fails: ["a form with one wrong field gives { ok: false } and that field's"],
    says: ['errors must map the field to its message', 'error.issues'],
  },
  {
    name: 'spreads-form',
    what: 'spreads the whole form into the event, base fields and all',
    replace: [
      [
        `  const input = {
    aggregateId: orderId,
    customerId,
    items,
    currency,
    totalCents,
  }`,
        '  const input = { ...form, aggregateId: orderId }',
      ],
    ],
    fails: ["the form cannot set the event's base fields"],
    says: ['took eventId, actorId, tenantId, metadata from the form'],
  },
] satisfies Mistake[]
