/** Known wrong answers to 05-1: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

const LOAD = '  const loaded = await tasks.load(taskId)\n'

export default [
  {
    name: 'forgets-the-second-save',
    what: 'reassigns and completes the loaded task, and never saves it',
    replace: [['  await tasks.save(loaded)\n', '']],
    fails: ['stores the four events'],
    says: ['v1 TaskCreated, v2 TaskAssigned, and nothing after', 'save()'],
  },
  {
    name: 'keeps-the-object',
    what: 'changes the task it created instead of loading it back by its id',
    replace: [[LOAD, '  const loaded = task\n']],
    fails: ['loads the task back by its id'],
    says: ['without reading the task', 'repository.load(taskId)'],
  },
  {
    name: 'create-new-to-change',
    what: 'takes createNew() for the saved task: a new, empty one',
    replace: [[LOAD, '  const loaded = tasks.createNew(taskId)\n']],
    fails: ['stores the four events'],
    says: ['This task does not exist', 'load it with repository.load'],
  },
  {
    name: 'lists-uncommitted',
    what: "returns the reloaded task's uncommitted events: there are none",
    replace: [
      [
        "  const { events } = await store.getEvents(taskId, 'Task')\n" +
          '  return { task: final, events }',
        '  return { task: final, events: final.uncommittedEvents }',
      ],
    ],
    fails: ['returns the events of the stream'],
    says: ['returned no events', 'store.getEvents'],
  },
] satisfies Mistake[]
