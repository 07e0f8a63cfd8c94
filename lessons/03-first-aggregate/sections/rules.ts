/** Commands check the rules first: a refused command raises nothing. */
import { printError } from '../print-error.ts'
import { TaskAggregate, TaskRuleError } from '../tasks.ts'

export default function rules(): void {
  const task = new TaskAggregate('task-2')
  task.create('Review lesson 3')
  task.assign('bob')
  task.complete('bob')
  console.log(
    `A completed task, version ${task.version}, ` +
      `${task.uncommittedEvents.length} events`,
  )

  // #region refused
  const attempts: Record<string, () => void> = {
    'complete() again': () => task.complete('bob'),
    'reassign()': () => task.reassign('carol'),
    'create() again': () => task.create('Review lesson 3, again'),
  }
  for (const [attempt, command] of Object.entries(attempts)) {
    try {
      command()
    } catch (error) {
      if (!(error instanceof TaskRuleError)) throw error
      printError(attempt, error)
    }
  }
  console.log(
    `Still version ${task.version}, ${task.uncommittedEvents.length} events: ` +
      'a refused command raises nothing',
  )
  // #endregion refused

  // #region reopen
  // The rules read the current state, so what is refused now may be
  // allowed later: a reopened task can be completed again.
  task.reopen('carol')
  task.complete('carol')
  console.log(
    `reopen(), then complete(): version ${task.version}, ` +
      `completed by ${task.state.completedBy}`,
  )
  // #endregion reopen
}
