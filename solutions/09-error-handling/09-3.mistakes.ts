/** Known wrong answers to 09-3: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'swallows-the-failure',
    what: 'catches the failure and records nothing',
    replace: [
      [
        `        const { event, globalPosition } = stored
        await deadLetters.record({`,
        `        const { event, globalPosition } = stored
        void {`,
      ],
      [
        '          attempts: 1,\n        })\n',
        '          attempts: 1,\n        }\n',
      ],
    ],
    fails: ['becomes a dead letter'],
    says: ['each must be recorded as a dead letter'],
  },
  {
    name: 'rethrows-after-recording',
    what: 'records the dead letter, then throws, which stops the feed',
    replace: [
      [
        '          attempts: 1,\n        })\n',
        '          attempts: 1,\n        })\n        throw error\n',
      ],
    ],
    fails: ['becomes a dead letter'],
    says: ['stopped at that event', 'return normally'],
  },
  {
    name: 'reads-after-the-position',
    what: 'reads after the letter’s position, as if fromPosition included it',
    replace: [['fromPosition: position - 1,', 'fromPosition: position,']],
    fails: ['eventAt() finds the event'],
    says: ['eventAt(store, 1) threw', 'read after 0'],
  },
  {
    name: 'never-resolves',
    what: 'replays the dead letters, and leaves them open',
    replace: [['      await deadLetters.resolve(id)\n', '']],
    fails: ['once fixed, a replay'],
    says: ['must be resolved', 'still open: [ 4, 7 ]'],
  },
  {
    name: 'replays-every-subscription',
    what: "replays every subscription's dead letters to this subscriber",
    replace: [
      [
        'deadLetters.list({ subscription: subscriber.name })',
        'deadLetters.list()',
      ],
    ],
    fails: ["replays only this subscriber's"],
    says: ['it handed 4, 7, 2'],
  },
] satisfies Mistake[]
