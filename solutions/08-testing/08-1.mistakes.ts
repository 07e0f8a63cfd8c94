/** Known wrong answers to 08-1: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'events-unchecked',
    what: 'the refused complete() is expected to throw, and nothing more',
    replace: [
      [
        `      expect(() => task.complete('bob')).toThrow(/already completed/i)
      expect(task.uncommittedEvents).toEqual([])
`,
        `      expect(() => task.complete('bob')).toThrow(/already completed/i)
`,
      ],
    ],
    fails: ['catches raises-before-refusing'],
    says: ['the rule "a refused command raises nothing" goes untested'],
  },
  {
    name: 'state-only',
    what: 'the reassignment test checks the new assignee, not the event',
    replace: [
      [
        `      expect(task.uncommittedEvents).toMatchObject([
        {
          eventType: 'TaskReassigned',
          previousAssignee: 'alice',
          newAssignee: 'bob',
        },
      ])
`,
        `      expect(task.state.assignee).toBe('bob')
`,
      ],
    ],
    fails: ['catches forgets-previous-assignee'],
    says: ['"a reassignment records who held the task before"'],
  },
  {
    name: 'wrong-reason',
    what:
      'a completed task that was never assigned, expected to throw ' +
      'anything: it throws for another rule',
    replace: [
      [
        `({ completedTask: task }) => {
      // #todo reassign() a completed task`,
        `({ newTask: task }) => {
      task.create('Never assigned')
      task.complete('alice')
      // #todo reassign() a completed task`,
      ],
      [
        "expect(() => task.reassign('bob')).toThrow(/cannot be reassigned/)",
        "expect(() => task.reassign('bob')).toThrow()",
      ],
    ],
    fails: ['catches reassigns-completed'],
    says: ['"a completed task cannot be reassigned"', 'check the message'],
  },
  {
    name: 'replays-commands',
    what: 'the replay test runs commands: nothing is replayed',
    replace: [
      [
        `      const aggregateId = task.aggregateId
      task.loadFromHistory([
        new TaskCreated({ aggregateId, title: 'Old', description: '' }),
        new TaskAssigned({
          aggregateId,
          aggregateVersion: 2,
          assignee: 'alice',
        }),
        new TaskCompleted({
          aggregateId,
          aggregateVersion: 3,
          completedBy: 'alice',
        }),
      ])
`,
        `      task.create('Old')
      task.assign('alice')
      task.complete('alice')
`,
      ],
      [
        `      expect(task.uncommittedEvents).toEqual([])
      // #endtodo
    })
  })
  // #endregion replay`,
        `      // #endtodo
    })
  })
  // #endregion replay`,
      ],
    ],
    fails: ['catches forgets-completion-on-replay'],
    says: ['"replaying a history gives the state its events record"'],
  },
  {
    name: 'wrong-message',
    what: 'a test that expects words the real error does not say',
    replace: [
      [
        "expect(() => task.complete('alice')).toThrow(/does not exist/)",
        "expect(() => task.complete('alice')).toThrow(/not found/)",
      ],
    ],
    fails: [
      'your tests pass on the real TaskAggregate',
      'catches completes-uncreated',
    ],
    says: [
      '1 of your 7 tests fails on TaskAggregate',
      '"complete() on a task never created throws" fails with',
      'This task does not exist',
    ],
  },
] satisfies Mistake[]
