/**
 * The bus on its own: a handler subscribed to one event class, events
 * published to it, a handler that came too late, and an unsubscribe.
 */
import { InMemoryEventBus } from 'eventsource-ts'
import { TaskAggregate, TaskCreated } from '../../03-first-aggregate/tasks.ts'

// #region new-task
/** A task created, with the event its command raised, not saved. */
function newTask(taskId: string, title: string): TaskAggregate {
  const task = new TaskAggregate(taskId)
  task.create(title)
  return task
}
// #endregion new-task

export default async function publish(): Promise<void> {
  // #region subscribe
  const bus = new InMemoryEventBus()
  const unsubscribe = bus.subscribe(TaskCreated, (event) => {
    console.log(`  first handler: ${event.aggregateId}, "${event.title}"`)
  })
  // #endregion subscribe

  // #region publish
  // The events of two commands, published by hand (a repository does it
  // after each save, as the next sections show).
  const task = newTask('task-1', 'Write the lesson')
  task.assign('alice')
  const events = task.uncommittedEvents
  console.log(`publish() of ${events.map((e) => e.eventType).join(', ')}:`)
  await bus.publish(events)
  console.log('publish() resolved: every handler has run; TaskAssigned had')
  console.log('none, and that is no error.')
  // #endregion publish

  // #region late
  // A handler subscribed now hears only what is published from now on.
  const heard: string[] = []
  bus.subscribe(TaskCreated, (event) => {
    heard.push(event.aggregateId)
  })
  console.log('A second handler subscribes, and task-2 is published:')
  await bus.publish(newTask('task-2', 'Draw the diagram').uncommittedEvents)
  console.log(`The second handler heard ${heard.join(', ')}, not task-1:`)
  console.log('the bus keeps nothing for a handler that comes later.')
  // #endregion late

  // #region unsubscribe
  unsubscribe() // ends the first subscription; calling it again does nothing
  console.log('unsubscribe(), and task-3 is published:')
  await bus.publish(newTask('task-3', 'Review the page').uncommittedEvents)
  console.log(
    `The first handler is silent; the second heard ${heard.join(', ')}`,
  )
  // #endregion unsubscribe
}
