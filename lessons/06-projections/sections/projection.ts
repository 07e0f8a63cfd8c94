/**
 * A Projection: a handler for each event class, typed by it; the types it
 * handles; the queries its read model answers.
 */
import { TaskBoard } from '../board.ts'
import { feed } from '../feed.ts'
import { storeWith } from '../history.ts'

export default async function projection(): Promise<void> {
  await using store = await storeWith() // the story's 11 events

  // #region handles
  const board = new TaskBoard()
  console.log(`${board.name} has handlers for:`)
  console.log(`  ${board.eventTypes.join(', ')}`)

  const position = await feed(board, store)
  console.log(`Fed the log up to position ${position}`)
  // #endregion handles

  // #region query
  for (const status of ['pending', 'completed'] as const) {
    console.log(`${status}:`)
    for (const { taskId, title, assignee } of board.column(status))
      console.log(`  ${taskId}  ${title.padEnd(17)} ${assignee ?? '-'}`)
  }
  for (const person of ['alice', 'bob', 'carol']) {
    const open = board.openTasksOf(person)
    console.log(`${person}'s open tasks: ${open.join(', ') || 'none'}`)
  }
  // #endregion query
}
