/** Known wrong answers to 01-1: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'withdrawal-adds',
    what: 'adds a withdrawal to the balance, as if it were a deposit',
    replace: [['balance -= event.amount', 'balance += event.amount']],
    fails: ['a withdrawal takes its amount away'],
    says: ['$60.00', '$140.00', 'subtract'],
  },
  {
    name: 'strictly-before',
    what: 'counts only the events before the moment, not one at it',
    replace: [['event.occurredAt <= moment', 'event.occurredAt < moment']],
    fails: ['at that very moment'],
    says: ['<='],
  },
  {
    name: 'ignores-moment',
    what: 'balanceAt counts every event, whenever it happened',
    replace: [['return balanceOf(happened)', 'return balanceOf(events)']],
    fails: ['had happened by then', 'before the account was opened'],
    says: ['at or before the moment'],
  },
] satisfies Mistake[]
