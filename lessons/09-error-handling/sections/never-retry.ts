/**
 * Errors a retry cannot fix. A rule's refusal gives the same answer every
 * time. An EventPublishError comes after the save stood, so a retry runs
 * the command a second time, and reports a success as a failure.
 */
import {
  AggregateRepository,
  EventPublishError,
  InMemoryEventBus,
  InMemoryEventStore,
  isEventSourceError,
} from 'eventsource-ts'
import { printError } from '../../03-first-aggregate/print-error.ts'
import { TaskAggregate, TaskCompleted } from '../../03-first-aggregate/tasks.ts'
import { listEvents } from '../../04-event-stores/task-history.ts'

// #region retry-everything
/** Wrong: runs `work` again after any error, three attempts in all. */
async function retryEverything(work: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (!(error instanceof Error) || attempt === 3) throw error
      console.log(`  attempt ${attempt}: ${error.name}; trying again`)
    }
  }
}
// #endregion retry-everything

export default async function neverRetry(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  // #region publisher
  // The repository publishes each save to a bus, whose handler mails the
  // customer; today the mail server is down.
  const bus = new InMemoryEventBus()
  bus.subscribe(TaskCompleted, function mailTheCustomer() {
    throw new Error('Mail server unavailable')
  })
  const tasks = new AggregateRepository({
    eventStore: store,
    aggregateFactory: TaskAggregate,
    eventPublisher: bus,
  })
  // #endregion publisher
  for (const taskId of ['task-1', 'task-2']) {
    const task = tasks.createNew(taskId)
    task.create('Answer the customer')
    task.assign('alice')
    await tasks.save(task)
  }

  // #region refused
  // The manager asks to give task-1 to alice, who has it already.
  console.log("reassign('alice'), retried:")
  try {
    await retryEverything(async () => {
      const task = await tasks.load('task-1')
      task.reassign('alice')
      await tasks.save(task)
    })
  } catch (error) {
    if (!(error instanceof Error)) throw error
    printError('  attempt 3', error)
  }
  // #endregion refused

  // #region saved-twice
  // alice completes task-1: saved, then the mail handler fails.
  console.log("complete('alice'), retried:")
  try {
    await retryEverything(async () => {
      const task = await tasks.load('task-1')
      task.complete('alice')
      await tasks.save(task)
    })
  } catch (error) {
    if (!(error instanceof Error)) throw error
    printError('  attempt 3', error)
  }
  const { events } = await store.getEvents('task-1', 'Task')
  console.log(`The store holds ${listEvents(events)}:`)
  console.log('  the first attempt had saved it, and alice is told it failed')
  // #endregion saved-twice

  // #region publish-error
  // Right: an EventPublishError with `saved` says the command is done.
  const task = await tasks.load('task-2')
  task.complete('alice')
  try {
    await tasks.save(task)
  } catch (error) {
    if (!isEventSourceError(error, EventPublishError) || !error.saved)
      throw error
    const [failure] = error.failures
    console.log(
      `task-2 saved at version ${error.saved.version}; ` +
        `${failure?.handler} failed: log it, and answer "done"`,
    )
  }
  // #endregion publish-error
}
