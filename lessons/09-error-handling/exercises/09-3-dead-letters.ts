/**
 * Exercise 09-3: set a poison event aside, and replay it once fixed.
 *
 * Lesson 6's feed() hands a subscriber the log in order. One event whose
 * handler throws stops it there, and every event after it waits for a fix.
 * withDeadLetters(subscriber, deadLetters) wraps a subscriber so that the
 * feed goes on: when the subscriber throws on an event, the wrapper records
 * a dead letter and returns as if the event were handled. The dead letter
 * says where to find the event again and why it failed: the subscriber's
 * name, the event's global position, its id, type, aggregate id and type,
 * the error as text, and 1 attempt.
 *
 * Once the cause is fixed, replayDeadLetters(store, subscriber, deadLetters)
 * hands each of this subscriber's open dead letters to it again, oldest
 * first, reading the event from the store by its global position. A dead
 * letter handled is resolved; one that fails again is recorded again (it
 * stays open, with the latest error and one more attempt). It returns how
 * many were replayed and how many failed. eventAt(store, position) finds
the event of a dead letter.
 *
 * Check your work with `npm run verify 09-3`. Stuck? `npm run hint 09-3`.
 */
import type {
  DeadLetterStore,
  EventStore,
  EventSubscriber,
  ReplayReport,
  StoredEvent,
} from 'eventsource-ts'
import { todo } from '../../todo.ts'

export function withDeadLetters(
  subscriber: EventSubscriber,
  deadLetters: DeadLetterStore,
): EventSubscriber {
  return {
    name: subscriber.name,
    eventTypes: subscriber.eventTypes,
    async handle(stored: StoredEvent): Promise<void> {
      // TODO 1: hand the event to the subscriber, and await it.
      // TODO 2: when it throws, record a dead letter (deadLetters.record)
      //         and return normally, so that the feed goes on.
      todo('handle()')
    },
  }
}

/** The stored event at global position `position`. */
export async function eventAt(
  store: EventStore,
  position: number,
): Promise<StoredEvent> {
  // TODO 3: read it with store.readAll(). Mind that fromPosition means
  //         "after this position".
  todo('eventAt()')
}

export async function replayDeadLetters(
  store: EventStore,
  subscriber: EventSubscriber,
  deadLetters: DeadLetterStore,
): Promise<ReplayReport> {
  // TODO 4: for each open dead letter of this subscriber, oldest first,
  //         hand its event to the subscriber again. Resolve the letter
  //         when that succeeds; record it again when it throws.
  todo('replayDeadLetters()')
}
