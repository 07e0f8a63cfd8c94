/**
 * Replay tests: a task rebuilt from a history has the state its events
 * record, whether the history was written by hand or raised by a live task;
 * and a history can be the given of a given-when-then test.
 */
import { expect, test } from 'vitest'
import {
  TaskAggregate,
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
} from '../03-first-aggregate/tasks.ts'

// #region history
test('a history replays to the state its events record', () => {
  // Given: a task's events, as a store hands them back
  const aggregateId = 'task-4'
  const history = [
    new TaskCreated({ aggregateId, title: 'Old task', description: 'Stored' }),
    new TaskAssigned({ aggregateId, aggregateVersion: 2, assignee: 'alice' }),
    new TaskCompleted({
      aggregateId,
      aggregateVersion: 3,
      completedBy: 'alice',
    }),
  ]

  // When: a new task replays them
  const task = new TaskAggregate(aggregateId)
  task.loadFromHistory(history)

  // Then: the state they record, at their version, and nothing to save
  expect(task.version).toBe(3)
  expect(task.state).toEqual({
    title: 'Old task',
    description: 'Stored',
    status: 'completed',
    assignee: 'alice',
    completedBy: 'alice',
  })
  expect(task.uncommittedEvents).toEqual([])
})
// #endregion history

// #region round-trip
test('a task rebuilt from the events it raised has its state', () => {
  const live = new TaskAggregate('task-5')
  live.create('Round trip')
  live.assign('alice')
  live.reassign('bob')
  live.complete('bob')
  live.reopen('carol')

  const rebuilt = new TaskAggregate('task-5')
  rebuilt.loadFromHistory(live.uncommittedEvents)

  expect(rebuilt.state).toEqual(live.state)
  expect(rebuilt.version).toBe(live.version)
})
// #endregion round-trip

// #region given-history
test('given a completed task, reopen() raises TaskReopened at v3', () => {
  // Given: what happened, as events
  const aggregateId = 'task-6'
  const task = new TaskAggregate(aggregateId)
  task.loadFromHistory([
    new TaskCreated({ aggregateId, title: 'Done once', description: '' }),
    new TaskCompleted({ aggregateId, aggregateVersion: 2, completedBy: 'bob' }),
  ])

  // When: a command
  task.reopen('alice')

  // Then: the events it raised
  expect(task.uncommittedEvents).toMatchObject([
    { eventType: 'TaskReopened', aggregateVersion: 3, reopenedBy: 'alice' },
  ])
})
// #endregion given-history
