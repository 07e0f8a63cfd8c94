/**
 * A subscription that sets its poison events aside: a failure that passes
 * is retried away, one that does not becomes a dead letter, and the
 * subscription goes on. Replayed before the fix, it fails again; once the
 * directory is fixed, the replay delivers it and resolves it.
 */
import {
  InMemoryCheckpointRepository,
  InMemoryDeadLetterStore,
  SubscriptionManager,
  type DeadLetter,
} from 'eventsource-ts'
import { printError } from '../../03-first-aggregate/print-error.ts'
import { storeWith } from '../../06-projections/history.ts'
import { AssignmentNotices, MailServer, teamDirectory } from '../notices.ts'

/** A dead letter in one line. */
const describeLetter = (letter: DeadLetter) =>
  `position ${letter.globalPosition}, ${letter.eventType} of ` +
  `${letter.aggregateId}, ${letter.attempts} attempts, ` +
  (letter.resolvedAt ? 'resolved' : 'open')

export default async function deadLetters(): Promise<void> {
  await using store = await storeWith() // lesson 6's story: 11 events
  const mail = new MailServer()
  const directory = teamDirectory() // alice and bob; no carol yet
  const notices = new AssignmentNotices(directory, mail)

  // #region subscribe
  const letters = new InMemoryDeadLetterStore()
  await using subscriptions = new SubscriptionManager({
    eventStore: store,
    checkpointRepository: new InMemoryCheckpointRepository(),
    deadLetterStore: letters,
  })
  subscriptions.subscribe(notices, {
    // Three attempts at each event, 10 ms, then 20 ms apart; after the
    // last, the event is set aside and the subscription goes on.
    retry: { maxAttempts: 3, initialDelay: 10, maxDelay: 1000 },
    onError: 'dead-letter',
  })
  mail.goDown(1) // the first send fails; its retry goes through
  await subscriptions.start() // resolves once caught up
  // #endregion subscribe

  // #region set-aside
  const { state, position, lastError } = subscriptions.status(notices.name)
  console.log(`Subscription ${state} at position ${position}`)
  console.log(
    `The mail server refused ${mail.refused} send while down; ` +
      'a retry sent it',
  )
  console.log('Mail sent:')
  for (const line of mail.sent) console.log(`  ${line}`)
  if (lastError) printError('Its last error', lastError)
  for (const letter of await letters.list({ subscription: notices.name }))
    console.log(`Dead letter: ${describeLetter(letter)}`)
  // #endregion set-aside

  // #region replay
  // Replayed before anything is fixed, it fails again, and stays open.
  const early = await subscriptions.replayDeadLetters(notices.name)
  console.log(
    `Replayed before the fix: ${early.replayed} replayed, ` +
      `${early.failed} failed`,
  )
  for (const letter of await letters.list({ subscription: notices.name }))
    console.log(`  ${describeLetter(letter)}`)

  // The fix: carol joins the directory. Now the replay delivers it.
  directory.set('carol', 'carol@example.com')
  const report = await subscriptions.replayDeadLetters(notices.name)
  console.log(
    `Replayed after the fix: ${report.replayed} replayed, ` +
      `${report.failed} failed`,
  )
  console.log(`  mail sent: ${mail.sent.at(-1)}`)
  const open = await letters.list({ subscription: notices.name })
  console.log(`Open dead letters: ${open.length}; with the resolved ones:`)
  for (const letter of await letters.list({ includeResolved: true }))
    console.log(`  ${describeLetter(letter)}`)
  // #endregion replay
}
