/** Known wrong answers to 06-2: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'reset-forgets-a-field',
    what: 'reset() empties the task lookup, but not the open lists',
    replace: [['    this.#open.clear()\n', '']],
    fails: ['reset() empties', 'rebuilt on the same projection'],
    says: ["After reset(), workload() is { alice: [ 't1', 't2' ] }"],
  },
  {
    name: 'rebuild-without-reset',
    what: 'rebuild() replays the log onto what the projection already has',
    replace: [['  await projection.reset()\n', '']],
    fails: ['rebuilt on the same projection'],
    says: ["{ alice: [ 'Build', 'Build', 'Plan' ] }", 'reset() it first'],
  },
  {
    name: 'skips-the-first-event',
    what: 'rebuild() reads after position 1, as if fromPosition were inclusive',
    replace: [
      [
        'store.readAll()) await',
        'store.readAll({ fromPosition: 1 }))\n    await',
      ],
    ],
    fails: ['from its first event'],
    says: ["workload() is { bob: [ 'Build' ] }", 'fromPosition means'],
  },
  {
    name: 'reassign-keeps-the-task',
    what: 'a reassigned task is given to the new assignee, and kept by the old',
    replace: [['      this.#take(aggregateId, previousAssignee)\n', '']],
    fails: ['moves from the previous'],
    says: ["alice: [ 'Build', 'Plan' ]", 'Take the task from previousAssignee'],
  },
  {
    name: 'reassign-forgets-the-holder',
    what: "a reassignment moves the task, but leaves its record's assignee",
    replace: [['      task.assignee = newAssignee\n', '']],
    fails: ['leaves the list of the one who holds it now'],
    says: ["{ bob: [ 'Plan' ] }", "update the task's record"],
  },
  {
    name: 'reopened-for-the-reopener',
    what: 'a reopened task goes to whoever reopened it',
    replace: [
      [
        `    this.on(TaskReopened, ({ aggregateId }) => {`,
        `    this.on(TaskReopened, ({ aggregateId, reopenedBy }) => {`,
      ],
      [
        'if (assignee !== undefined) this.#give(aggregateId, assignee)',
        'if (assignee !== undefined) this.#give(aggregateId, reopenedBy)',
      ],
    ],
    fails: ['not to who reopened it'],
    says: ["{ bob: [ 'Plan' ] }", 'whoever reopened it'],
  },
] satisfies Mistake[]
