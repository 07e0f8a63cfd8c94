/**
 * Exercise 08-1: a test suite for the task domain.
 *
 * Write the tests of TaskAggregate's rules, given-when-then: given a task in
 * a known state (a fixture), when one command runs, then its events, its
 * state, or the error that refused it. The suite is a function of the class
 * it tests, `describeTaskAggregate(Task)`. The bottom of this file runs it on
 * the real TaskAggregate, where every test must pass. `npm run verify 08-1`
 * also runs it on broken copies of TaskAggregate, each with one rule
 * broken: each broken copy must fail at least one of your tests. So take
 * every task from a fixture (they build it with `new Task(...)`), never
 * with `new TaskAggregate(...)`, which would test the real class each time.
 *
 * Finish the completedTask fixture, then the six tests whose TODOs say
 * what each must prove. The first test is written, as an example.
 *
 * Check your work with `npm run verify 08-1`. Stuck? `npm run hint 08-1`.
 */
import { describe, expect, test as base } from 'vitest'
import {
  TaskAggregate,
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
} from '../../03-first-aggregate/tasks.ts'
import { todo } from '../../todo.ts'

interface TaskFixtures {
  /** A task never created: version 0. */
  newTask: TaskAggregate
  /** Created and assigned to alice, its events committed: version 2. */
  assignedTask: TaskAggregate
  /** Created, assigned to alice and completed by her, committed: v3. */
  completedTask: TaskAggregate
}

/** Registers the suite for `Task`: TaskAggregate, or a broken copy of it. */
export function describeTaskAggregate(Task: typeof TaskAggregate): void {
  const test = base.extend<TaskFixtures>({
    newTask: async ({}, use) => {
      await use(new Task('task-1'))
    },

    assignedTask: async ({ newTask: task }, use) => {
      task.create('Write the tests', 'For lesson 8')
      task.assign('alice')
      task.markEventsAsCommitted() // as if saved: what the test does is new
      await use(task)
    },

    completedTask: async ({ assignedTask: task }, use) => {
      // TODO: complete the assigned task as alice, commit its events, and
      //       hand it to the test, as assignedTask does.
      todo('the completedTask fixture')
    },
  })

  describe('creation', () => {
    test('create() raises TaskCreated with its title and description', ({
      newTask: task,
    }) => {
      task.create('Write the tests', 'For lesson 8')

      expect(task.uncommittedEvents).toMatchObject([
        {
          eventType: 'TaskCreated',
          aggregateVersion: 1,
          title: 'Write the tests',
          description: 'For lesson 8',
        },
      ])
      expect(task.state.status).toBe('pending')
    })

    test('create() on a task that exists throws, and raises nothing', ({
      assignedTask: task,
    }) => {
      // TODO: expect create() to throw an error that says "already exists",
      //       and the task's uncommittedEvents to stay empty.
      todo('create() twice')
    })
  })

  describe('completion', () => {
    test('complete() on a completed task throws, and raises nothing', ({
      completedTask: task,
    }) => {
      // TODO: expect complete() to throw an error that says "Already
      //       completed", and the task to raise nothing: a refused command
      //       raises no event.
      todo('complete() twice')
    })

    test('complete() on a task never created throws', ({ newTask: task }) => {
      // TODO: expect complete() to throw an error that says "does not
      //       exist".
      todo('complete() before create()')
    })
  })

  describe('reassignment', () => {
    test('reassign() raises TaskReassigned, from alice to bob', ({
      assignedTask: task,
    }) => {
      // TODO: reassign the task to bob; expect one TaskReassigned whose
      //       previousAssignee is alice and newAssignee is bob.
      todo('reassign()')
    })

    test('reassign() on a completed task throws', ({ completedTask: task }) => {
      // TODO: expect reassign() to throw the error of this very rule: its
      //       message says the task "cannot be reassigned".
      todo('reassign() a completed task')
    })
  })

  describe('replay', () => {
    test('a replayed history gives the state its events record', ({
      newTask: task,
    }) => {
      // TODO: replay a history written by hand (TaskCreated, TaskAssigned
      //       to alice, TaskCompleted by alice, versions 1 to 3) with
      //       task.loadFromHistory(), then expect version 3, a completed
      //       task completed by alice, and no uncommitted event.
      todo('replay')
    })
  })
}

// Your suite, on the real TaskAggregate: every test must pass.
describe('TaskAggregate', () => describeTaskAggregate(TaskAggregate))
