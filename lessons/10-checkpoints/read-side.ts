/**
 * One run of an app's read side: a SubscriptionManager feeding a projection
 * from its checkpoint, as one process would run it from start to stop.
 */
import {
  SubscriptionManager,
  type CheckpointRepository,
  type EventStore,
  type EventSubscriber,
  type SubscriptionStatus,
} from 'eventsource-ts'
import { shutDownAfter } from './shut-down.ts'
import { WatchedCheckpoints } from './watched-checkpoints.ts'

// #region run
export interface RunOptions {
  /** Shut the app down once the projection has handled this many events. */
  stopAfter?: number
  /** Make that shutdown a crash: no checkpoint is saved from then on. */
  crash?: boolean
  /** Events between two checkpoint saves (the manager's default is 100). */
  batchSize?: number
  /** Where the run reports what it does; the checks give it a quiet one. */
  print?: (line: string) => void
}

/**
 * Runs the read side until `projection` has caught up with the log, or
 * until the app is shut down (`stopAfter`). It prints each checkpoint the
 * manager saves, with the subscription's lag at that moment.
 */
export async function runReadSide(
  eventStore: EventStore,
  checkpoints: CheckpointRepository,
  projection: EventSubscriber,
  options: RunOptions = {},
): Promise<SubscriptionStatus> {
  const { stopAfter, crash, batchSize = 10, print = console.log } = options
  const watched = new WatchedCheckpoints(checkpoints, (name, position) => {
    const { state, lag } = subscriptions.status(name)
    print(`  checkpoint ${position} saved: ${state}, lag ${lag}`)
  })
  await using subscriptions = new SubscriptionManager({
    eventStore,
    checkpointRepository: watched,
  })
  const from = await checkpoints.getPosition(projection.name)
  print(`  started from checkpoint ${from}`)

  const subscriber =
    stopAfter === undefined
      ? projection
      : shutDownAfter(stopAfter, projection, async () => {
          if (crash) watched.cutOff() // a dead process saves nothing
          await subscriptions.stop()
        })
  subscriptions.subscribe(subscriber, { batchSize })
  try {
    await subscriptions.start() // resolves once caught up: live
  } catch (error) {
    // It rejects when the app is stopped before it has caught up, and when
    // a handler fails.
    if (subscriptions.status(projection.name).state !== 'stopped') throw error
  }
  const status = subscriptions.status(projection.name)
  const { state, position, lag } = status
  const how = crash && state === 'stopped' ? 'crashed' : state
  print(`  ${how} at position ${position}, lag ${lag}`)
  return status
}
// #endregion run
