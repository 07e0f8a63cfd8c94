/** Known wrong answers to 04-3: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

const INPUT = `  const input: AppendEventsInput = {
    aggregateId: taskId,
    aggregateType: 'Task',
    events: [new TaskCompleted({ aggregateId: taskId, completedBy })],
    expectedVersion,
  }
`
const SEND = '      return { result: await append(input), attempts }\n'

export default [
  {
    name: 'builds-each-attempt',
    what: 'each attempt builds the TaskCompleted again, with a new eventId',
    replace: [
      [INPUT, ''],
      [SEND, INPUT.replace(/^ {2}/gm, '      ') + SEND],
    ],
    fails: ['after a lost reply'],
    says: ['threw OptimisticLockError', 'new eventId', 'Build the event once'],
  },
  {
    name: 'retries-every-error',
    what: 'a conflict is sent again, like a lost connection',
    replace: [
      [
        'if (!lost || attempts === maxAttempts) throw error',
        'if (attempts === maxAttempts) throw error',
      ],
    ],
    fails: ['a conflict is thrown at once'],
    says: ['it sent 3 appends', 'Retry only a ConnectionLostError'],
  },
  {
    name: 'never-gives-up',
    what: 'lost connections are retried with no limit',
    replace: [
      [
        'if (!lost || attempts === maxAttempts) throw error',
        'if (!lost) throw error',
      ],
    ],
    fails: ['gives up after maxAttempts'],
    says: ['returned after 5 attempts', 'once maxAttempts have failed'],
  },
] satisfies Mistake[]
