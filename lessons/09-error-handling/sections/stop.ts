/**
 * The default policy: a subscription stops at the event it cannot process,
 * its checkpoint just before it, and nothing after it is handled. Fixed,
 * and started again, it resumes at that event.
 */
import {
  InMemoryCheckpointRepository,
  SubscriptionManager,
} from 'eventsource-ts'
import { printError } from '../../03-first-aggregate/print-error.ts'
import { storeWith } from '../../06-projections/history.ts'
import { AssignmentNotices, MailServer, teamDirectory } from '../notices.ts'

export default async function stop(): Promise<void> {
  await using store = await storeWith() // lesson 6's story: 11 events
  const mail = new MailServer()
  const directory = teamDirectory() // alice and bob; no carol yet
  const notices = new AssignmentNotices(directory, mail)

  // #region stops
  const checkpoints = new InMemoryCheckpointRepository()
  await using subscriptions = new SubscriptionManager({
    eventStore: store,
    checkpointRepository: checkpoints,
  })
  // No onError: 'stop', the default.
  subscriptions.subscribe(notices, {
    retry: { maxAttempts: 3, initialDelay: 10, maxDelay: 1000 },
  })
  try {
    await subscriptions.start()
  } catch (error) {
    if (!(error instanceof Error)) throw error
    printError('start() rejects', error)
  }
  const { state, position } = subscriptions.status(notices.name)
  const saved = await checkpoints.getPosition(notices.name)
  console.log(
    `Subscription ${state} at position ${position}, checkpoint ${saved}; ` +
      `${mail.sent.length} notices sent`,
  )
  // #endregion stops

  // #region resume
  directory.set('carol', 'carol@example.com') // the fix
  await subscriptions.start() // resumes at position 8
  const after = subscriptions.status(notices.name)
  console.log(`Started again: ${after.state} at position ${after.position}`)
  console.log(`  mail sent: ${mail.sent.at(-1)}`)
  // #endregion resume
}
