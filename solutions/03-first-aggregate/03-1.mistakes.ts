/** Known wrong answers to 03-1: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

const COMPLETED_CHECK = `    if (this.state.status === 'completed')
      throw new TaskRuleError(
        this.aggregateId,
        \`Already completed by \${this.state.completedBy}: \` +
          'reopen the task to complete it again.',
      )
`

export default [
  {
    name: 'completes-twice',
    what: 'complete() checks that the task exists, but not that it is open',
    replace: [[COMPLETED_CHECK, '']],
    fails: ['already completed'],
    says: ['must throw a TaskRuleError, but it returned', 'v3 TaskCompleted'],
  },
  {
    name: 'event-before-check',
    what: 'complete() raises its event, then throws: the event stays',
    replace: [
      [
        COMPLETED_CHECK,
        "    const wasCompleted = this.state.status === 'completed'\n",
      ],
      [
        `        completedBy,
      }),
    )
`,
        `        completedBy,
      }),
    )
    if (wasCompleted)
      throw new TaskRuleError(this.aggregateId, 'Task already completed.')
`,
      ],
    ],
    fails: ['raises nothing'],
    says: ['raised v3 TaskCompleted before it threw', 'check the rules first'],
  },
  {
    name: 'rule-in-apply',
    what: 'the rule is checked in apply(), so old histories cannot load',
    replace: [
      [COMPLETED_CHECK, ''],
      [
        `    } else if (event instanceof TaskCompleted) {
`,
        `    } else if (event instanceof TaskCompleted) {
      if (this.state.status === 'completed')
        throw new TaskRuleError(this.aggregateId, 'Task already completed.')
`,
      ],
    ],
    fails: ['not in apply()'],
    says: ['threw TaskRuleError: Task already completed', 'history is fact'],
  },
  {
    name: 'fixed-version',
    what: 'complete() builds its event at version 2, right only the first time',
    replace: [
      [
        `        aggregateVersion: this.getNextVersion(),
        completedBy,`,
        `        aggregateVersion: 2,
        completedBy,`,
      ],
    ],
    fails: ['completed again'],
    says: ['EventVersionError', 'this.getNextVersion()'],
  },
  {
    name: 'reopens-anything',
    what: 'reopen() raises TaskReopened whatever the state of the task',
    replace: [
      [
        `    if (this.state.status !== 'completed')
      throw new TaskRuleError(
        this.aggregateId,
        'Not completed: only a completed task can be reopened.',
      )
`,
        '',
      ],
    ],
    fails: ['not completed'],
    says: ['returned, having raised v2 TaskReopened'],
  },
] satisfies Mistake[]
