/**
 * A repository wired to the bus: lesson 6's story saved through it, every
 * subscriber up to date when each save() returns, and a refused save that
 * publishes nothing.
 */
import { OptimisticLockError } from 'eventsource-ts'
import { play, story } from '../../06-projections/history.ts'
import { openTeam } from '../team.ts'

export default async function repository(): Promise<void> {
  await using team = await openTeam()
  const { store, tasks, counts, mail, audit } = team

  // #region story
  // Lesson 6's story: its 11 commands, each loaded, run and saved.
  for (const step of story) await play(tasks, step)
  const logged = await store.getGlobalPosition()
  console.log(`The story saved: the log holds ${logged} events. Heard:`)
  console.log(
    `  counts:   ${counts.pending} pending, ${counts.completed} completed`,
  )
  console.log(
    `  notifier: ${mail.sent.length} mails, the last ${mail.sent.at(-1)}`,
  )
  console.log(`  audit:    ${audit.length} events, the first ${audit[0]}`)
  // #endregion story

  // #region up-to-date
  // save() resolves once the handlers are done: no read model lags.
  const task = await tasks.load('task-2')
  task.complete('carol')
  await tasks.save(task)
  console.log(
    `task-2 completed and saved: the counts say ${counts.pending} ` +
      `pending, ${counts.completed} completed, already`,
  )
  // #endregion up-to-date

  // #region refused
  // Two writers load task-4; the first saves, the second conflicts.
  const first = await tasks.load('task-4')
  const second = await tasks.load('task-4')
  first.assign('dave')
  await tasks.save(first)
  second.assign('erin')
  try {
    await tasks.save(second)
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error
    console.log(`Two writers assign task-4; the second save: ${error.name}`)
    console.log(`The last mail: ${mail.sent.at(-1)}. erin got none:`)
    console.log('a refused save stores nothing, and publishes nothing.')
  }
  // #endregion refused
}
