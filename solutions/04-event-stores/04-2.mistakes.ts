/** Known wrong answers to 04-2: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

const READ = 'store.readAll({ fromPosition: after, limit: size, eventTypes }),'
const POSITION = 'const position = events.at(-1)?.globalPosition ?? after'

export default [
  {
    name: 'from-plus-one',
    what: 'reads from after + 1, as if fromPosition were inclusive',
    replace: [['fromPosition: after,', 'fromPosition: after + 1,']],
    fails: ['nextPage() gives at most'],
    says: ['it gave #5 #6 #7 #8', '"after that position"'],
  },
  {
    name: 'next-after-last',
    what: "a page's position is the one after its last event",
    replace: [
      [
        POSITION,
        'const last = events.at(-1)?.globalPosition\n' +
          '  const position = last === undefined ? after : last + 1',
      ],
    ],
    fails: ['pages read one after another'],
    says: ['not the one after it'],
  },
  {
    name: 'empty-page-restarts',
    what: 'an empty page gives position 0: the reader starts again',
    replace: [[POSITION, POSITION.replace('?? after', '?? 0')]],
    fails: ['an empty page keeps the position'],
    says: ['it gave position 0', 'return `after`'],
  },
  {
    name: 'counts-positions',
    what: 'position = after + the number of events, as if none were skipped',
    replace: [[POSITION, 'const position = after + events.length']],
    fails: ['with eventTypes, a page holds'],
    says: ['it has 2', 'do not count'],
  },
  {
    name: 'filters-itself',
    what: 'reads `size` events of any type, then filters them itself',
    replace: [
      ['const events = await collect(', 'const read = await collect('],
      [
        `${READ}\n  )\n`,
        'store.readAll({ fromPosition: after, limit: size }),\n  )\n' +
          '  const events = read.filter(\n' +
          '    (s) =>\n' +
          '      !eventTypes || eventTypes.includes(s.event.eventType),\n' +
          '  )\n',
      ],
    ],
    fails: ['with eventTypes, a page holds', 'reads to the end'],
    says: ['it gave nothing', 'looks like the last'],
  },
  {
    name: 'restarts-from-zero',
    what: 'readPages() starts at 0 every time, whatever position it is given',
    replace: [['let position = after', 'let position = 0']],
    fails: ['and resumes from it'],
    says: ['only the new events, #14 #15', 'Start from `after`'],
  },
  {
    name: 'newest-oldest',
    what: 'newest() reads forwards, so it gives the oldest events',
    replace: [["direction: 'backward', limit: count", 'limit: count']],
    fails: ['newest() gives'],
    says: ['it gave #1 #2 #3', "direction: 'backward'"],
  },
] satisfies Mistake[]
