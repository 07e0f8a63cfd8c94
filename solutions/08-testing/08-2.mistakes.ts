/** Known wrong answers to 08-2: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'rebuild-for-reset',
    what:
      'the reset() test rebuilds the board and compares: this board comes ' +
      'back the same without a reset',
    replace: [
      [
        `    board.reset()

    expect(board.cards()).toEqual([])
`,
        `    const before = board.cards()
    board.reset()
    await feed(board, eventStore)

    expect(board.cards()).toEqual(before)
`,
      ],
    ],
    fails: ['catches reset-keeps-cards'],
    says: ['the rule "reset() empties the board" goes untested'],
  },
  {
    name: 'never-assigned',
    what:
      'the completed task was never assigned, so it is in nobody\u2019s ' +
      'open tasks whatever openTasksOf() does',
    replace: [
      [
        `        task.create('Plan')
        task.assign('alice')
        task.complete('alice')
`,
        `        task.create('Plan')
        task.complete('alice')
`,
      ],
    ],
    fails: ['catches counts-completed-as-open'],
    says: ['"a completed task is nobody\'s open task"', 'assign it first'],
  },
  {
    name: 'fed-too-early',
    what:
      'the board is fed before the task is reopened, and never again: the ' +
      'test fails on the real TaskBoard',
    replace: [
      [
        `        task.create('Plan')
        task.complete('alice')
        task.reopen('bob')
      },
    })

    const board = await boardFedFrom(eventStore)
`,
        `        task.create('Plan')
        task.complete('alice')
      },
    })
    const board = await boardFedFrom(eventStore)
    await play(tasks, { taskId: 'task-1', run: (task) => task.reopen('bob') })
`,
      ],
    ],
    fails: [
      'your tests pass on the real TaskBoard',
      'catches ignores-reopening',
    ],
    says: ['"a reopened task is pending again" fails with', 'fix that test'],
  },
] satisfies Mistake[]
