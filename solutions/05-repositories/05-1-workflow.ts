/**
 * Exercise 05-1: a task workflow, from create to the stored events.
 *
 * Write runTaskWorkflow(store, taskId): it takes one task through its life,
 * in the store it is given, the way an application would, one request at a
 * time. Each request starts from the task's id alone:
 *   1. make a repository of lesson 3's TaskAggregate on `store`;
 *   2. create the task (TITLE and DESCRIPTION), assign it to alice, and
 *      save it;
 *   3. load it back by its id;
 *   4. reassign it to bob, complete it as bob, and save it;
 *   5. load it again, and read the task's stream from the store.
 * It returns the task of step 5 and the events its stream holds, oldest
 * first.
 *
 * Check your work with `npm run verify 05-1`. Stuck? `npm run hint 05-1`.
 */
import {
  AggregateRepository,
  type DomainEvent,
  type EventStore,
} from 'eventsource-ts'
import { TaskAggregate } from '../../lessons/03-first-aggregate/tasks.ts'

export const TITLE = 'Complete the tutorial series'
export const DESCRIPTION = 'All 21 lessons'

export interface WorkflowResult {
  /** The task, loaded after the last save. */
  task: TaskAggregate
  /** The events of its stream, as the store holds them. */
  events: readonly DomainEvent[]
}

// #region workflow
export async function runTaskWorkflow(
  store: EventStore,
  taskId: string,
): Promise<WorkflowResult> {
  // #todo runTaskWorkflow()
  // TODO 1: a repository: new AggregateRepository({ eventStore: store, ... })
  // TODO 2: createNew(taskId), create(TITLE, DESCRIPTION), assign('alice'),
  //         then save().
  // TODO 3: load(taskId); reassign('bob'), complete('bob'); save().
  // TODO 4: load(taskId) again, and read the stream with store.getEvents().
  // #answer
  const tasks = new AggregateRepository({
    eventStore: store,
    aggregateFactory: TaskAggregate,
    aggregateType: 'Task',
  })

  const task = tasks.createNew(taskId)
  task.create(TITLE, DESCRIPTION)
  task.assign('alice')
  await tasks.save(task)

  const loaded = await tasks.load(taskId)
  loaded.reassign('bob')
  loaded.complete('bob')
  await tasks.save(loaded)

  const final = await tasks.load(taskId)
  const { events } = await store.getEvents(taskId, 'Task')
  return { task: final, events }
  // #endtodo
}
// #endregion workflow
