/**
 * A handler that fails: the save stands, every other handler runs, and the
 * failed one misses the event, which the bus never delivers again.
 */
import { EventPublishError } from 'eventsource-ts'
import { printError } from '../../03-first-aggregate/print-error.ts'
import { TaskCompleted, TaskRuleError } from '../../03-first-aggregate/tasks.ts'
import { play, story } from '../../06-projections/history.ts'
import { openTeam } from '../team.ts'

export default async function failures(): Promise<void> {
  await using team = await openTeam()
  const { store, tasks, counts, mail, notifier, audit } = team
  for (const step of story) await play(tasks, step)

  // #region failing
  mail.up = false // notifyReviewer's every send() now throws
  const task = await tasks.load('task-2')
  task.complete('carol')
  let failed: EventPublishError | undefined
  try {
    await tasks.save(task)
  } catch (error) {
    if (!(error instanceof EventPublishError)) throw error
    failed = error
    printError('save()', error)
  }
  // #endregion failing

  // #region stood
  const version = await store.getStreamVersion('task-2', 'Task')
  console.log(
    `The save stood: the store holds task-2 at version ${version}; ` +
      `${task.uncommittedEvents.length} uncommitted.`,
  )
  console.log(
    `The other handlers ran: the counts say ${counts.pending} pending, ` +
      `${counts.completed} completed;`,
  )
  console.log(`the audit's last line is ${audit.at(-1)}.`)
  console.log(
    `notifyReviewer missed it: still ${mail.sent.length} mails sent; ` +
      'the bus will not try again.',
  )
  // #endregion stood

  // #region not-again
  await tasks.save(task) // nothing uncommitted: nothing to do
  const after = await store.getStreamVersion('task-2', 'Task')
  console.log(`save() again: nothing to save, the store at version ${after}`)
  try {
    task.complete('carol')
  } catch (error) {
    if (!(error instanceof TaskRuleError)) throw error
    printError('complete() again', error)
  }
  // #endregion not-again

  // #region batch
  // One save of two events, and the notifier fails on both: every other
  // handler still hears both, one after the other.
  const last = await tasks.load('task-4')
  last.assign('erin')
  last.complete('erin')
  try {
    await tasks.save(last)
  } catch (error) {
    if (!(error instanceof EventPublishError)) throw error
    console.log(
      `task-4 assigned and completed: ${error.failures.length} failures`,
    )
    for (const { handler, event } of error.failures)
      console.log(
        `  ${handler} on ${event?.eventType} v${event?.aggregateVersion}`,
      )
    console.log(`The audit heard both: ${audit.slice(-2).join(', ')}`)
  }
  // #endregion batch

  // #region make-up
  // The mail server is back. The bus will not deliver the events again;
  // each failure holds its event, to hand to the handler that missed it.
  mail.up = true
  for (const { event } of failed?.failures ?? [])
    if (event instanceof TaskCompleted) notifier.notifyReviewer(event)
  console.log(`Made up for task-2's missed mail: ${mail.sent.at(-1)}`)
  // #endregion make-up
}
