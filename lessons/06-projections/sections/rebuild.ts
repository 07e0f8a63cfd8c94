/**
 * A read model built live, fed after every command, then reset and rebuilt
 * from the log: the same board.
 */
import { isDeepStrictEqual } from 'node:util'
import { InMemoryEventStore } from 'eventsource-ts'
import { TaskBoard } from '../board.ts'
import { feed } from '../feed.ts'
import { taskRepository } from '../../05-repositories/task-repository.ts'
import { play, story } from '../history.ts'

export default async function rebuild(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  const tasks = taskRepository(store)

  // #region live
  // Live: after each command is saved, the board reads the events it
  // has not seen yet, from the position it reached last time.
  const board = new TaskBoard()
  let position = 0
  for (const step of story) {
    await play(tasks, step)
    position = await feed(board, store, position)
  }
  console.log(
    `Built live: ${story.length} commands, the board fed after each, ` +
      `now at position ${position}`,
  )
  // #endregion live

  // #region lag
  // Between a save and the next feed, the read model is behind the log.
  const task = await tasks.load('task-2')
  task.complete('carol')
  await tasks.save(task)
  const card = () => board.cards().find((c) => c.taskId === 'task-2')
  console.log(
    `Saved: the log at position ${await store.getGlobalPosition()}, ` +
      `the board at ${position}: task-2 still ${card()?.status}`,
  )
  position = await feed(board, store, position)
  console.log(`Fed: the board at ${position}, task-2 ${card()?.status}`)
  // #endregion lag

  // #region rebuild
  const live = board.cards()
  board.reset()
  console.log(`reset(): ${board.cards().length} cards`)
  await feed(board, store) // from the beginning of the log
  const rebuilt = board.cards()
  console.log(
    `Rebuilt from the log: ${rebuilt.length} cards, ` +
      `the same as live: ${isDeepStrictEqual(rebuilt, live)}`,
  )
  // #endregion rebuild

  // #region new-board
  // A read model written today still gets the whole history.
  const later = new TaskBoard()
  await feed(later, store)
  console.log(
    `A new TaskBoard fed the log: the same: ` +
      `${isDeepStrictEqual(later.cards(), live)}`,
  )
  // #endregion new-board
}
