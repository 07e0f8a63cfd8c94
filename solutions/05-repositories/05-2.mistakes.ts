/** Known wrong answers to 05-2: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

const GIVE_UP = 'if (!conflict || attempt >= maxAttempts) throw error'

export default [
  {
    name: 'saves-the-stale-task',
    what: 'loads and runs the command once, then retries save() of that task',
    replace: [
      [
        `  for (let attempt = 1; ; attempt++) {
    const task = await repository.load(taskId)
    command(task)
`,
        `  const task = await repository.load(taskId)
  command(task)
  for (let attempt = 1; ; attempt++) {
`,
      ],
    ],
    fails: ['after a conflict: loads the task again'],
    says: ['saved the same task again', 'Load the task again'],
  },
  {
    name: 'reloads-without-the-command',
    what: 'reloads after a conflict, but runs the command only the first time',
    replace: [
      ['    command(task)\n', '    if (attempt === 1) command(task)\n'],
    ],
    fails: ['after a conflict: loads the task again'],
    says: ['no TaskCompleted', 'run the command on it again'],
  },
  {
    name: 'never-gives-up',
    what: 'retries every conflict, however many there are',
    replace: [[GIVE_UP, 'if (!conflict) throw error']],
    fails: ['gives up after maxAttempts'],
    says: ['ran the command 51 times', 'rethrow the last'],
  },
  {
    name: 'one-attempt-too-many',
    what: 'counts the retries, not the attempts: one more than maxAttempts',
    replace: [[GIVE_UP, 'if (!conflict || attempt > maxAttempts) throw error']],
    fails: ['gives up after maxAttempts'],
    says: ['ran the command 4 times', 'the first one included'],
  },
  {
    name: 'retries-every-error',
    what: 'tries the whole attempt, and retries whatever it throws',
    replace: [
      [
        `    const task = await repository.load(taskId)
    command(task)
    try {
`,
        `    try {
    const task = await repository.load(taskId)
    command(task)
`,
      ],
      [GIVE_UP, 'if (attempt >= maxAttempts) throw error'],
    ],
    fails: ['lets any other error through'],
    says: ['3 times', 'retry only on an OptimisticLockError'],
  },
] satisfies Mistake[]
