/**
 * Exercise 10-2: a checkpoint kept by hand, saved as the events are handled.
 *
 * The lesson's first catch-up saves its checkpoint once, at the end: when a
 * handler throws halfway, the run's progress is lost, and the events it had
 * handled come again at the next start. catchUp() saves as it goes. It is one
 * start of an app that keeps a projection's checkpoint itself:
 *   - it reads the projection's checkpoint (0 when there is none);
 *   - it hands the projection each stored event after that position, oldest
 *     first, and only of the types it handles (`projection.eventTypes`);
 *   - once the projection has handled an event, it saves that event's global
 *     position as the checkpoint;
 *   - it returns how many events it handed over.
 * A handler that throws stops catchUp, which throws that error: the
 * checkpoint is then the last event handled, so the next catchUp starts with
 * the event that failed.
 *
 * Check your work with `npm run verify 10-2`. Stuck? `npm run hint 10-2`.
 */
import type {
  CheckpointRepository,
  EventStore,
  EventSubscriber,
} from 'eventsource-ts'
import { todo } from '../../todo.ts'

export async function catchUp(
  projection: EventSubscriber,
  store: EventStore,
  checkpoints: CheckpointRepository,
): Promise<number> {
  // TODO 1: read the projection's checkpoint, by its name.
  // TODO 2: read the log after it (store.readAll({ fromPosition, ... })),
  //         only the projection's event types.
  // TODO 3: hand each event to the projection, then save its position;
  //         count the events, and return the count.
  todo('catchUp()')
}
