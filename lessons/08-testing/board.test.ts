/**
 * Projection tests: given what happened (commands saved through the
 * repository into a fixture's store), when lesson 6's TaskBoard is fed the
 * log, then its queries answer.
 */
import { describe, expect } from 'vitest'
import { TaskBoard } from '../06-projections/board.ts'
import { feed } from '../06-projections/feed.ts'
import { play } from '../06-projections/history.ts'
import { test } from './fixtures.ts'

// #region board
describe('TaskBoard', () => {
  test('a reassigned task moves to its new assignee', async ({
    tasks,
    eventStore,
  }) => {
    // Given: a task assigned to bob, then reassigned to carol
    await play(tasks, {
      taskId: 'task-1',
      run: (task) => {
        task.create('Draw the diagram')
        task.assign('bob')
        task.reassign('carol')
      },
    })

    // When: a new board is fed the log
    const board = new TaskBoard()
    await feed(board, eventStore)

    // Then: carol has the task, bob has nothing
    expect(board.openTasksOf('carol')).toEqual(['Draw the diagram'])
    expect(board.openTasksOf('bob')).toEqual([])
  })

  test('a completed task leaves the pending column', async ({
    tasks,
    eventStore,
  }) => {
    await play(tasks, { taskId: 'task-1', run: (t) => t.create('Write') })
    await play(tasks, { taskId: 'task-2', run: (t) => t.create('Review') })
    await play(tasks, { taskId: 'task-1', run: (t) => t.complete('alice') })

    const board = new TaskBoard()
    await feed(board, eventStore)

    const titles = (status: 'pending' | 'completed') =>
      board.column(status).map((card) => card.title)
    expect(titles('pending')).toEqual(['Review'])
    expect(titles('completed')).toEqual(['Write'])
  })
  // #endregion board

  // #region rebuild
  test('a rebuild gives the same board', async ({ tasks, eventStore }) => {
    await play(tasks, {
      taskId: 'task-1',
      run: (task) => {
        task.create('Rebuild me')
        task.assign('alice')
        task.complete('alice')
        task.reopen('bob')
      },
    })
    const board = new TaskBoard()
    await feed(board, eventStore)
    const before = board.cards()

    board.reset()
    await feed(board, eventStore)

    expect(board.cards()).toEqual(before)
  })
})
// #endregion rebuild
