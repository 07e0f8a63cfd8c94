/**
 * Exercise 08-2: tests for a projection.
 *
 * Write the tests of lesson 6's TaskBoard, given-when-then: given what
 * happened (commands saved with the `tasks` fixture, a repository on a new
 * store), when a board is fed that store's log, then what its queries
 * answer. As in 08-1, the suite is a function of the class it tests,
 * `describeTaskBoard(Board)`: the bottom of this file runs it on the real
 * TaskBoard, where every test must pass, and `npm run verify 08-2` on
 * broken copies of TaskBoard, each of which must fail one of your tests.
 * So get every board from `boardFedFrom()`, which builds it with
 * `new Board()`: a `new TaskBoard()` would test the real class each time.
 *
 * The first test is written, as an example: write the other four.
 *
 * Check your work with `npm run verify 08-2`. Stuck? `npm run hint 08-2`.
 */
import { describe, expect } from 'vitest'
import type { EventStore } from 'eventsource-ts'
import { TaskBoard } from '../../06-projections/board.ts'
import { feed } from '../../06-projections/feed.ts'
import { play } from '../../06-projections/history.ts'
import { test } from '../fixtures.ts'
import { todo } from '../../todo.ts'

/** Registers the suite for `Board`: TaskBoard, or a broken copy of it. */
export function describeTaskBoard(Board: typeof TaskBoard): void {
  /** When: a new board is fed the whole log of `store`. */
  async function boardFedFrom(store: EventStore): Promise<TaskBoard> {
    const board = new Board()
    await feed(board, store)
    return board
  }

  test('a new task is a pending card, assigned to nobody', async ({
    tasks,
    eventStore,
  }) => {
    await play(tasks, { taskId: 'task-1', run: (task) => task.create('Plan') })

    const board = await boardFedFrom(eventStore)

    expect(board.cards()).toMatchObject([
      { taskId: 'task-1', title: 'Plan', status: 'pending', assignee: null },
    ])
  })

  test("a reassigned task is in the new assignee's open tasks", async ({
    tasks,
    eventStore,
  }) => {
    // TODO: given a task created, assigned to bob and reassigned to carol,
    //       expect carol's open tasks (board.openTasksOf) to hold it, and
    //       bob's to be empty.
    todo('a reassigned task')
  })

  test('a reopened task is pending again', async ({ tasks, eventStore }) => {
    // TODO: given a task created, completed and then reopened, expect it
    //       in the board's pending column, and not in its completed one.
    todo('a reopened task')
  })

  test("a completed task is in nobody's open tasks", async ({
    tasks,
    eventStore,
  }) => {
    // TODO: given a task assigned to alice, then completed, expect alice's
    //       open tasks to be empty.
    todo('a completed task')
  })

  test('reset() empties the board', async ({ tasks, eventStore }) => {
    // TODO: given a task or two, feed a board, reset() it, and expect it
    //       to have no card left.
    todo('reset()')
  })
}

// Your suite, on the real TaskBoard: every test must pass.
describe('TaskBoard', () => describeTaskBoard(TaskBoard))
