/** Known wrong answers to 04-1: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'retries-with-any',
    what: 'the retry expects ExpectedVersion.ANY, so nothing checks it',
    replace: [
      [
        'expectedVersion: error.actualVersion,',
        'expectedVersion: -1, // ExpectedVersion.ANY',
      ],
    ],
    fails: ['the retry is checked too'],
    says: [
      'returned { conflict: OptimisticLockError, newVersion: 4 }',
      'ExpectedVersion.ANY writes on top',
    ],
  },
  {
    name: 'seen-plus-one',
    what: 'the retry expects seenVersion + 1, as if one event came between',
    replace: [
      [
        'expectedVersion: error.actualVersion,',
        'expectedVersion: seenVersion + 1,',
      ],
    ],
    fails: ['however far the stream moved'],
    says: ['OptimisticLockError', "the error's actualVersion (3)"],
  },
  {
    name: 'catches-everything',
    what: 'every error is taken for a conflict and retried',
    replace: [
      [
        '    if (!(error instanceof OptimisticLockError)) throw error\n',
        '    const conflict = error as OptimisticLockError\n',
      ],
      [
        'expectedVersion: error.actualVersion,',
        'expectedVersion: conflict.actualVersion,',
      ],
      [
        'return { conflict: error, newVersion }',
        'return { conflict, newVersion }',
      ],
    ],
    fails: ['not a conflict'],
    says: ['it threw InvalidArgumentError', 'Catch only OptimisticLockError'],
  },
  {
    name: 'any-from-the-start',
    what: 'the first append expects ExpectedVersion.ANY: no conflict, ever',
    replace: [['expectedVersion: seenVersion,', 'expectedVersion: -1,']],
    fails: ['a stale seenVersion is refused first'],
    says: ['it returned null', 'not ExpectedVersion.ANY'],
  },
] satisfies Mistake[]
