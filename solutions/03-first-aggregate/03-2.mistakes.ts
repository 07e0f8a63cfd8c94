/** Known wrong answers to 03-2: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'applies-as-new',
    what: 'rebuildTask() replays with applyEvent(), recording every event',
    replace: [
      [
        '  task.loadFromHistory(history)',
        '  for (const event of history) task.applyEvent(event)',
      ],
    ],
    fails: ['nothing to save'],
    says: ['left 6 uncommitted events', 'loadFromHistory()'],
  },
  {
    name: 'same-object',
    what: 'sameTask() compares the states with ===, so two equal states differ',
    replace: [['isDeepStrictEqual(a.state, b.state)', 'a.state === b.state']],
    fails: ['is true for a live task and its rebuild'],
    says: ['isDeepStrictEqual'],
  },
  {
    name: 'version-only',
    what: 'sameTask() compares ids and versions, and trusts the states',
    replace: [
      [
        `    a.version === b.version &&
    isDeepStrictEqual(a.state, b.state)`,
        '    a.version === b.version',
      ],
    ],
    fails: ['is false when', 'without an event'],
    says: ['another title'],
  },
  {
    name: 'stops-before',
    what: 'taskAt() leaves out the event at `version` itself',
    replace: [
      ['event.aggregateVersion <= version', 'event.aggregateVersion < version'],
    ],
    fails: ['as it was at each version'],
    says: ['taskAt(taskId, history, 1) gave a task at version 0'],
  },
] satisfies Mistake[]
