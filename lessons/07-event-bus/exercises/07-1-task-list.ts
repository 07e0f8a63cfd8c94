/**
 * Exercise 07-1: repository, bus and a task list, the whole flow.
 *
 * A read model fed by the bus: each save through the repository publishes
 * its events, and TaskList's handlers keep one item a task, with its title
 * and its status. Write:
 *   - TaskList.subscribeTo(bus): a handler for each event that changes the
 *     list, and one function returned that ends all their subscriptions:
 *       TaskCreated    a new item, with the event's title, 'pending';
 *       TaskCompleted  the task's item is 'completed';
 *       TaskReopened   the task's item is 'pending' again;
 *     an event of a task the list never saw created changes nothing;
 *   - wireTaskList(store): a new bus, a TaskList subscribed to it, and a
 *     repository of lesson 3's TaskAggregate on `store` that publishes to
 *     that same bus.
 * The checks save tasks through your repository and read your list after
 * each save: they never hand the list an event themselves.
 *
 * Check your work with `npm run verify 07-1`. Stuck? `npm run hint 07-1`.
 */
import {
  AggregateRepository,
  InMemoryEventBus,
  type EventStore,
  type Unsubscribe,
} from 'eventsource-ts'
import {
  TaskAggregate,
  TaskCompleted,
  TaskCreated,
  TaskReopened,
  type TaskStatus,
} from '../../03-first-aggregate/tasks.ts'
import { todo } from '../../todo.ts'

export interface TaskListItem {
  title: string
  status: TaskStatus
}

export class TaskList {
  readonly #items = new Map<string, TaskListItem>()

  /** The item of a task, or undefined when the list never heard of it. */
  get(taskId: string): TaskListItem | undefined {
    return this.#items.get(taskId)
  }

  /** How many tasks the list holds. */
  get size(): number {
    return this.#items.size
  }

  subscribeTo(bus: InMemoryEventBus): Unsubscribe {
    // TODO 1: bus.subscribe(TaskCreated, (event) => …): a new item in
    //         #items, by event.aggregateId, with event.title, 'pending'.
    // TODO 2: a TaskCompleted handler and a TaskReopened handler, that
    //         change the status of the task's item, if the list has one.
    // TODO 3: each subscribe() returns an Unsubscribe: return one function
    //         that calls all three.
    todo('TaskList.subscribeTo()')
  }
}

export interface TaskListApp {
  /** The bus the repository publishes to. */
  bus: InMemoryEventBus
  tasks: AggregateRepository<TaskAggregate>
  /** The list, subscribed to `bus`. */
  list: TaskList
}

export function wireTaskList(store: EventStore): TaskListApp {
  // TODO 4: a new InMemoryEventBus, a new TaskList subscribed to it, and
  //         new AggregateRepository({ eventStore: store, … }) with the
  //         option that makes each save() publish to the bus.
  todo('wireTaskList()')
}
