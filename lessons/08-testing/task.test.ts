/**
 * Tests of lesson 3's TaskAggregate on its own: no store, no repository.
 * A command's events and state, its rules, and given-when-then with
 * fixtures for the given. `npm run lesson 8` runs them with vitest.
 */
import { describe, expect, test as base } from 'vitest'
import { TaskAggregate, TaskRuleError } from '../03-first-aggregate/tasks.ts'

// #region fixtures
interface TaskFixtures {
  /** Created and assigned to alice, its events already saved. */
  assignedTask: TaskAggregate
  /** The same task, then completed by alice. */
  completedTask: TaskAggregate
}

const test = base.extend<TaskFixtures>({
  assignedTask: async ({}, use) => {
    const task = new TaskAggregate('task-3')
    task.create('Write the tests')
    task.assign('alice')
    task.markEventsAsCommitted() // as if saved: what the test does is new
    await use(task)
  },

  completedTask: async ({ assignedTask: task }, use) => {
    task.complete('alice')
    task.markEventsAsCommitted()
    await use(task)
  },
})
// #endregion fixtures

// #region first-test
test('create() raises TaskCreated, and the task has its title', () => {
  // Arrange: a new task, at version 0
  const task = new TaskAggregate('task-1')

  // Act: one command
  task.create('Learn testing', 'Given, when, then')

  // Assert: the state, the version and the event raised
  expect(task.state).toMatchObject({
    title: 'Learn testing',
    status: 'pending',
  })
  expect(task.version).toBe(1)
  expect(task.uncommittedEvents).toMatchObject([
    { eventType: 'TaskCreated', aggregateVersion: 1, title: 'Learn testing' },
  ])
})
// #endregion first-test

// #region rules
describe('rules', () => {
  test('a completed task cannot be completed again', () => {
    const task = new TaskAggregate('task-2')
    task.create('Review the tests')
    task.complete('alice')

    expect(() => task.complete('bob')).toThrow(TaskRuleError)
    expect(() => task.complete('bob')).toThrow(/already completed/i)
  })

  test('a refused command raises nothing', () => {
    const task = new TaskAggregate('task-2')
    task.create('Review the tests')
    task.complete('alice')

    expect(() => task.complete('bob')).toThrow(TaskRuleError)
    expect(task.version).toBe(2)
    expect(task.uncommittedEvents).toHaveLength(2) // created, completed
  })

  test('a task is created once', () => {
    const task = new TaskAggregate('task-2')
    task.create('Review the tests')

    expect(() => task.create('Again')).toThrow(/already exists/)
  })
})
// #endregion rules

// #region given-when-then
describe('given-when-then', () => {
  test('the assignee completes an assigned task', ({ assignedTask: task }) => {
    // Given: a task created and assigned to alice (the fixture)
    // When: she completes it
    task.complete('alice')

    // Then: it is completed, and that is the one new event
    expect(task.state).toMatchObject({
      status: 'completed',
      completedBy: 'alice',
    })
    expect(task.uncommittedEvents).toMatchObject([
      { eventType: 'TaskCompleted', aggregateVersion: 3, completedBy: 'alice' },
    ])
  })

  test('a completed task is reopened, then completed again', ({
    completedTask: task,
  }) => {
    task.reopen('bob')
    task.complete('bob')

    expect(task.uncommittedEvents).toMatchObject([
      { eventType: 'TaskReopened', aggregateVersion: 4, reopenedBy: 'bob' },
      { eventType: 'TaskCompleted', aggregateVersion: 5, completedBy: 'bob' },
    ])
  })

  test('a completed task refuses reassign(), raising nothing', ({
    completedTask: task,
  }) => {
    expect(() => task.reassign('bob')).toThrow(/cannot be reassigned/)
    expect(task.uncommittedEvents).toEqual([])
  })
})
// #endregion given-when-then
