/**
 * A repository with an event publisher hands each save's events to it
 * after the commit: here an InMemoryEventBus (lesson 7 teaches the bus).
 */
import {
  AggregateRepository,
  EventPublishError,
  InMemoryEventBus,
  InMemoryEventStore,
} from 'eventsource-ts'
import {
  TaskAggregate,
  TaskCompleted,
  TaskReopened,
} from '../../03-first-aggregate/tasks.ts'

export default async function publishing(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()

  // #region publisher
  const bus = new InMemoryEventBus()
  const tasks = new AggregateRepository({
    eventStore: store,
    aggregateFactory: TaskAggregate,
    aggregateType: 'Task',
    eventPublisher: bus, // each save publishes its events, after the commit
  })
  // #endregion publisher

  // #region subscribe
  bus.subscribe(TaskCompleted, async (event) => {
    const { aggregateId, completedBy } = event
    const stored = await store.getStreamVersion(aggregateId, 'Task')
    console.log(
      `  bus: ${aggregateId} completed by ${completedBy}; ` +
        `the store is at version ${stored} already`,
    )
  })
  const task = tasks.createNew('task-1')
  task.create('Publish after save')
  task.assign('alice')
  task.complete('alice')
  console.log('save() of create(), assign(), complete():')
  await tasks.save(task)
  // #endregion subscribe

  // #region publish-error
  bus.subscribe(TaskReopened, function notifyReviewer() {
    throw new Error('the mail server is down')
  })
  const reopened = await tasks.load('task-1')
  reopened.reopen('bob')
  try {
    await tasks.save(reopened)
  } catch (error) {
    if (!(error instanceof EventPublishError)) throw error
    const [failure] = error.failures
    console.log(`save() rejects with ${error.name}: ${failure?.handler} failed`)
    const stored = await store.getStreamVersion('task-1', 'Task')
    console.log(
      `Saved all the same: the store is at version ${stored}, the task ` +
        `has ${reopened.uncommittedEvents.length} uncommitted`,
    )
  }
  // #endregion publish-error
}
