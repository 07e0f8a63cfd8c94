/** Known wrong answers to 10-2: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

const loop = `    await projection.handle(stored)
    await checkpoints.savePosition(name, stored.globalPosition)
    handled++
  }
`

export default [
  {
    name: 'saves-first',
    what: 'saves an event’s position before the projection handles it',
    replace: [
      [
        loop,
        `    await checkpoints.savePosition(name, stored.globalPosition)
    await projection.handle(stored)
    handled++
  }
`,
      ],
    ],
    fails: ['a handler that throws'],
    says: ['the checkpoint is 7', 'would skip order 7'],
  },
  {
    name: 'saves-at-the-end',
    what: 'saves once, after the loop, as the lesson’s first catch-up does',
    replace: [
      [
        loop,
        `    await projection.handle(stored)
    position = stored.globalPosition
    handled++
  }
  await checkpoints.savePosition(name, position)
`,
      ],
      ['  let handled = 0\n', '  let handled = 0\n  let position = from\n'],
    ],
    fails: ['a handler that throws'],
    says: ['the checkpoint is 0', 'count them twice'],
  },
  {
    name: 'after-the-next',
    what: 'reads from the checkpoint + 1, as if fromPosition were inclusive',
    replace: [['fromPosition: from,', 'fromPosition: from + 1,']],
    fails: ['starts after the saved checkpoint', 'run again'],
    says: ['14 orders', 'after that position'],
  },
  {
    name: 'counts-instead',
    what: 'saves how many events it has handled, not their positions',
    replace: [
      [
        'checkpoints.savePosition(name, stored.globalPosition)',
        'checkpoints.savePosition(name, from + handled + 1)',
      ],
    ],
    fails: ['saves the global position'],
    says: ['the checkpoint is 10', 'not a count'],
  },
  {
    name: 'every-type',
    what: 'reads every event of the log, whatever the projection handles',
    replace: [['    eventTypes,\n', '']],
    fails: ['reads only the projection’s event types'],
    says: ['handed 5 others', 'eventTypes'],
  },
  {
    name: 'swallows-the-error',
    what: 'catches a handler’s error and goes on with the next event',
    replace: [
      [
        '    await projection.handle(stored)\n',
        `    try {
      await projection.handle(stored)
    } catch {
      continue
    }
`,
      ],
    ],
    fails: ['a handler that throws'],
    says: ['did not throw'],
  },
] satisfies Mistake[]
