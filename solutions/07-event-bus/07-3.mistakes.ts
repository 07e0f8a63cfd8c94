/** Known wrong answers to 07-3: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

const GUARD = '    if (!(error instanceof EventPublishError)) throw error\n'

export default [
  {
    name: 'rethrows-publish-errors',
    what: 'throws every error again, EventPublishError too',
    replace: [[GUARD, '    if (error) throw error\n']],
    fails: ['does not reject'],
    says: ['the save succeeded', 'Catch the EventPublishError'],
  },
  {
    name: 'swallows-every-error',
    what: 'resolves on every error, a conflict too, as if it were stored',
    replace: [
      [
        GUARD,
        '    if (!(error instanceof EventPublishError))\n' +
          '      return { version: task.version, missed: [] }\n',
      ],
    ],
    fails: ['OptimisticLockError'],
    says: ['yet nothing was stored', 'Throw every error but'],
  },
  {
    name: 'first-failure-only',
    what: 'makes a line of the first failure alone',
    replace: [['error.failures.map(', 'error.failures.slice(0, 1).map(']],
    fails: ['lists every handler'],
    says: ['Make a line of every entry'],
  },
] satisfies Mistake[]
