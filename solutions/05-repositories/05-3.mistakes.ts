/** Known wrong answers to 05-3: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

const GET = 'const task = await repository.loadOrCreate(taskId)'

export default [
  {
    name: 'always-new',
    what: 'starts from createNew(), as if the task were never stored',
    replace: [[GET, 'const task = repository.createNew(taskId)']],
    fails: ['asked again for the same id'],
    says: ['threw OptimisticLockError', 'loadOrCreate()'],
  },
  {
    name: 'creates-anyway',
    what: 'creates the task whether it was stored or not',
    replace: [
      [
        `  if (created) {
    task.create(title)
    await repository.save(task)
  }`,
        `  task.create(title)
  await repository.save(task)`,
      ],
    ],
    fails: ['asked again for the same id'],
    says: ['threw TaskRuleError', 'version 0'],
  },
  {
    name: 'load-only',
    what: 'loads the task with load(), which throws for one not stored',
    replace: [[GET, 'const task = await repository.load(taskId)']],
    fails: ['creates a task that is not stored'],
    says: ['AggregateNotFoundError', 'loadOrCreate()'],
  },
  {
    name: 'forgets-to-save',
    what: 'creates the task, and never saves it',
    replace: [['    await repository.save(task)\n', '']],
    fails: ['creates a task that is not stored'],
    says: ['holds no event', 'save()'],
  },
] satisfies Mistake[]
