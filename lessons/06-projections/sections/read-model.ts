/**
 * The write side and the read side: a history made through a repository,
 * and a first read model, a plain object fed from the whole log.
 */
import { InMemoryEventStore, type EventSubscriber } from 'eventsource-ts'
import { TaskCreated } from '../../03-first-aggregate/tasks.ts'
import { taskRepository } from '../../05-repositories/task-repository.ts'
import { play, story } from '../history.ts'

export default async function readModel(): Promise<void> {
  // #region write-side
  await using store = new InMemoryEventStore()
  await store.initialize()
  const tasks = taskRepository(store)
  for (const step of story) await play(tasks, step)
  const position = await store.getGlobalPosition()
  console.log(
    `The write side: ${story.length} commands saved ${position} events`,
  )

  // The write side answers for one task, by replaying its stream.
  const task = await tasks.load('task-3')
  const { status, assignee } = task.state
  console.log(
    `tasks.load('task-3'): version ${task.version}, ${status}, ` +
      `assigned to ${assignee}`,
  )
  // #endregion write-side

  // #region titles
  // A read model: every task's title, by id. An object with a name and a
  // handle() is all a projection needs to be.
  const titles = new Map<string, string>()
  const taskTitles: EventSubscriber = {
    name: 'task-titles',
    handle({ event }) {
      if (event instanceof TaskCreated)
        titles.set(event.aggregateId, event.title)
    },
  }
  // #endregion titles

  // #region feed
  // Fed from the log: every stored event, in the order it was stored.
  let handled = 0
  for await (const stored of store.readAll()) {
    await taskTitles.handle(stored)
    handled++
  }
  console.log(`The read side: ${handled} events handled, ${titles.size} titles`)
  for (const [taskId, title] of titles) console.log(`  ${taskId}  ${title}`)
  // #endregion feed
}
