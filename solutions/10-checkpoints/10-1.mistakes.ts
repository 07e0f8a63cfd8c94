/** Known wrong answers to 10-1: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

/** The end of the solution's UPDATE, which sets the position. */
const withPosition = `               total_cents = total_cents + ?,
               position = ?
           WHERE position < ?\`,
        )
        .run(event.totalCents, stored.globalPosition, stored.globalPosition)`

/** The same UPDATE, leaving the position as it is. */
const withoutPosition = `               total_cents = total_cents + ?
           WHERE position < ?\`,
        )
        .run(event.totalCents, stored.globalPosition)`

export default [
  {
    name: 'counts-again',
    what: 'counts every event it is given, as the lesson’s RevenueTable does',
    replace: [
      ['           WHERE position < ?`,', '`,'],
      [
        '.run(event.totalCents, stored.globalPosition, stored.globalPosition)',
        '.run(event.totalCents, stored.globalPosition)',
      ],
    ],
    fails: ['after a crash'],
    says: ['the table says 45 orders', 'skip it'],
  },
  {
    name: 'counts-the-last-again',
    what: 'skips only the events before the position, not the one at it',
    replace: [['WHERE position < ?', 'WHERE position <= ?']],
    fails: ['after a crash'],
    says: ['the table says 41 orders'],
  },
  {
    name: 'two-writes',
    what: 'writes the totals and the position in two statements, apart',
    replace: [
      [
        withPosition,
        `${withoutPosition}
      this.#db
        .prepare('UPDATE revenue SET position = ?')
        .run(stored.globalPosition)`,
      ],
    ],
    fails: ['power cut'],
    says: ['the first was kept', 'one UPDATE'],
  },
  {
    name: 'position-stays',
    what: 'never moves the position, so nothing counts as counted',
    replace: [[withPosition, withoutPosition]],
    fails: ['position() is the global position', 'after a crash'],
    says: ['position() is 0 after the events at global positions 1 to 40'],
  },
  {
    name: 'reset-keeps-the-position',
    what: 'reset() zeroes the totals but keeps the position',
    replace: [
      [
        "'UPDATE revenue SET orders = 0, total_cents = 0, position = 0'",
        "'UPDATE revenue SET orders = 0, total_cents = 0'",
      ],
    ],
    fails: ['reset()'],
    says: ['After reset(), position() is 40'],
  },
] satisfies Mistake[]
