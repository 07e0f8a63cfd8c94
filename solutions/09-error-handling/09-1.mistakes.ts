/** Known wrong answers to 09-1: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

const GIVE_UP = 'if (!conflict || retry >= maxRetries) throw error'
const WAIT = 'await wait(Math.min(maxDelay, initialDelay * 2 ** retry))'

export default [
  {
    name: 'saves-the-stale-aggregate',
    what: 'loads and runs the operation once, then retries save() of it',
    replace: [
      [
        `  for (let retry = 0; ; retry++) {
    const aggregate = await repository.load(id)
    await operation(aggregate)
`,
        `  const aggregate = await repository.load(id)
  await operation(aggregate)
  for (let retry = 0; ; retry++) {
`,
      ],
    ],
    fails: ['after a conflict: waits', 'four writers at once'],
    says: ['saved the same aggregate again', 'Load the aggregate again'],
  },
  {
    name: 'never-waits',
    what: 'retries at once, without backing off',
    replace: [[`    ${WAIT}\n`, '']],
    fails: ['after a conflict: waits', 'backs off'],
    says: ['must wait initialDelay', 'load, save, load, save'],
  },
  {
    name: 'waits-the-same',
    what: 'waits initialDelay before every retry',
    replace: [[WAIT, 'await wait(initialDelay)']],
    fails: ['backs off'],
    says: ['waited 10, 10, 10 (ms)', 'twice the wait before'],
  },
  {
    name: 'no-ceiling',
    what: 'doubles every wait, past maxDelay',
    replace: [[WAIT, 'await wait(initialDelay * 2 ** retry)']],
    fails: ['backs off'],
    says: ['waited 100, 200, 400, 800, 1600', 'never more than maxDelay'],
  },
  {
    name: 'waits-before-giving-up',
    what: 'waits after the last failed attempt too, then rethrows',
    replace: [
      [
        `      if (!conflict || retry >= maxRetries) throw error
    }
    ${WAIT}`,
        `      if (!conflict) throw error
      ${WAIT}
      if (retry >= maxRetries) throw error
    }`,
      ],
    ],
    fails: ['gives up after maxRetries'],
    says: ['waited after its last attempt'],
  },
  {
    name: 'counts-attempts',
    what: 'takes maxRetries for the attempts in all: one retry too few',
    replace: [
      [GIVE_UP, 'if (!conflict || retry >= maxRetries - 1) throw error'],
    ],
    fails: ['gives up after maxRetries'],
    says: ['made 3 attempts', '3 retries after the first attempt'],
  },
  {
    name: 'retries-every-library-error',
    what: 'retries any EventSourceError, an EventPublishError included',
    replace: [
      [
        'isEventSourceError(error, OptimisticLockError)',
        'isEventSourceError(error)',
      ],
    ],
    fails: ['never retries an EventPublishError'],
    says: ['ran the operation twice', 'retry only an OptimisticLockError'],
  },
  {
    name: 'forgets-to-await-the-operation',
    what: 'saves while an async operation is still running',
    replace: [
      ['    await operation(aggregate)', '    void operation(aggregate)'],
    ],
    fails: ['awaits an async operation'],
    says: ['saved before the operation had finished'],
  },
] satisfies Mistake[]
