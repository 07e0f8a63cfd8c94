/** Known wrong answers to 01-2: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'by-amount',
    what: 'leaves out every balance equal to the row’s, whenever it was',
    replace: [[' && since.getTime() === row.updatedAt.getTime()', '']],
    fails: ['an earlier balance equal to the current one'],
    says: ['by when it was written'],
  },
  {
    name: 'dates-by-identity',
    what: 'compares the times as Date objects, so nothing matches the row',
    replace: [
      [
        'since.getTime() === row.updatedAt.getTime()',
        'since === row.updatedAt',
      ],
    ],
    fails: ['the balance the row holds now is not forgotten'],
    says: ['getTime()'],
  },
  {
    name: 'the-row-author',
    what: 'gives every forgotten balance the row’s updatedBy',
    replace: [['by: event.actorId', 'by: row.updatedBy']],
    fails: ['says when, and by whom'],
    says: ['actorId'],
  },
  {
    name: 'amounts-not-balances',
    what: 'lists each event’s amount instead of the balance it left',
    replace: [
      [
        'balances.push({ balance, since',
        `const amount = 'amount' in event ? event.amount : 0
    balances.push({ balance: amount, since`,
      ],
    ],
    fails: ["Alice's row forgot her first four balances"],
    says: ['note the balance after each'],
  },
] satisfies Mistake[]
