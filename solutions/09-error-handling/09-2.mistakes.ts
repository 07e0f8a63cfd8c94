/** Known wrong answers to 09-2: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'publish-error-as-a-failure',
    what: 'rethrows an EventPublishError, as if the command had failed',
    replace: [
      [
        `  if (isEventSourceError(error, EventPublishError) && error.saved) {
    const { version } = error.saved
    return { status: 200, version, warning: error.message }
  }
`,
        '',
      ],
    ],
    fails: ['handlers failed after the save'],
    says: ['The task was saved (version 3)', 'reply 200'],
  },
  {
    name: 'conflict-as-a-refusal',
    what: 'answers a conflict 422, as if a rule had refused',
    replace: [['return { status: 409,', 'return { status: 422,']],
    fails: ['another writer saved first'],
    says: ['reply { status: 409, error }'],
  },
  {
    name: 'every-library-error-is-a-bad-request',
    what: 'answers 400 to any EventSourceError it does not know',
    replace: [
      [
        '  throw error\n',
        '  if (isEventSourceError(error))\n' +
          '    return { status: 400, error: error.message }\n' +
          '  throw error\n',
      ],
    ],
    fails: ['rethrows any other error'],
    says: ['an InvalidArgumentError is a call', 'replyTo() replied'],
  },
  {
    name: 'answers-every-error',
    what: 'answers 400 to every error, bugs included',
    replace: [
      ['  throw error\n', '  return { status: 400, error: String(error) }\n'],
    ],
    fails: ['rethrows any other error'],
    says: ['a bug must reach the logs'],
  },
] satisfies Mistake[]
