/** A task from version 0 to 3: each command raises one event. */
import { TaskAggregate } from '../tasks.ts'

export default function commands(): void {
  // #region new-task
  // An aggregate is constructed from its id. Ids are strings: an application
  // would use randomUUID(); the lesson uses short ones you can read.
  const task = new TaskAggregate('task-1')
  const { title, status } = task.state
  console.log(
    `A new task: version ${task.version}, title "${title}", ` +
      `status ${status} (its initial state)`,
  )
  // #endregion new-task

  // #region commands
  task.create('Write lesson 3', 'From a command to a state')
  console.log(
    `create():   version ${task.version}, title "${task.state.title}"`,
  )

  task.assign('alice')
  console.log(
    `assign():   version ${task.version}, assignee ${task.state.assignee}`,
  )

  task.complete('alice')
  const { completedBy } = task.state
  console.log(
    `complete(): version ${task.version}, status ${task.state.status}, ` +
      `completed by ${completedBy}`,
  )
  // #endregion commands

  // #region uncommitted
  // Every event a command raised waits here until a repository saves it.
  const events = task.uncommittedEvents
  console.log(`${events.length} uncommitted events, oldest first:`)
  for (const event of events)
    console.log(`  v${event.aggregateVersion} ${event.eventType}`)
  // #endregion uncommitted
}
