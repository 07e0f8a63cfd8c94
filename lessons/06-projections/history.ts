/**
 * The lesson's history: a short story of commands on four tasks, run as an
 * application runs them, through a repository into an event store. It is
 * the write side; every read model of the lesson is built from its events.
 */
import { InMemoryEventStore, type AggregateRepository } from 'eventsource-ts'
import type { TaskAggregate } from '../03-first-aggregate/tasks.ts'
import { taskRepository } from '../05-repositories/task-repository.ts'

// #region story
/** One command of the story: the task it is for, and what to do to it. */
export interface Step {
  taskId: string
  run: (task: TaskAggregate) => void
}

// Commands on four tasks, interleaved as a team's day would be.
export const story: readonly Step[] = [
  { taskId: 'task-1', run: (task) => task.create('Write the lesson') },
  { taskId: 'task-2', run: (task) => task.create('Draw the diagram') },
  { taskId: 'task-1', run: (task) => task.assign('alice') },
  { taskId: 'task-2', run: (task) => task.assign('bob') },
  { taskId: 'task-3', run: (task) => task.create('Review the page') },
  { taskId: 'task-1', run: (task) => task.complete('alice') },
  { taskId: 'task-3', run: (task) => task.assign('bob') },
  { taskId: 'task-2', run: (task) => task.reassign('carol') },
  { taskId: 'task-3', run: (task) => task.complete('bob') },
  { taskId: 'task-4', run: (task) => task.create('Fix the typos') },
  { taskId: 'task-3', run: (task) => task.reopen('alice') },
]
// #endregion story

// #region play
/** Runs a step as an application does: load the task, command it, save. */
export async function play(
  tasks: AggregateRepository<TaskAggregate>,
  step: Step,
): Promise<void> {
  const task = await tasks.loadOrCreate(step.taskId)
  step.run(task)
  await tasks.save(task)
}
// #endregion play

/** A new in-memory store that holds the events of `steps`, played in order. */
export async function storeWith(
  steps: readonly Step[] = story,
): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore()
  await store.initialize()
  const tasks = taskRepository(store)
  for (const step of steps) await play(tasks, step)
  return store
}
