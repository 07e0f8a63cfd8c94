/**
 * Exercise 04-2: a resumable reader that pages through the log.
 *
 * A reader of the whole log (a read model, lesson 6; a copy to another
 * store, lesson 12) reads it a page at a time, and after each page keeps
 * the position it has reached, so that after a restart it goes on from
 * there: nothing read twice, nothing skipped. Write three functions:
 *   - nextPage(store, after, size, eventTypes?): the page after global
 *     position `after`: at most `size` events, oldest first, only of
 *     `eventTypes` when given; and `position`, where the next page starts
 *     (the page's last global position; `after` when the page is empty);
 *   - readPages(store, after, size, handle, eventTypes?): reads page after
 *     page, from `after`, and calls `handle(page)` for each page that holds
 *     events. A page of fewer than `size` events is the last. It returns the
 *     position reached: the one to save, and pass as `after` next time;
 *   - newest(store, count, eventTypes?): the newest `count` events (of
 *     `eventTypes` when given), newest first.
 *
 * Check your work with `npm run verify 04-2`. Stuck? `npm run hint 04-2`.
 */
import type { EventStore, StoredEvent } from 'eventsource-ts'
import { collect } from '../../lessons/04-event-stores/collect.ts'

export interface Page {
  /** The page's events, in ascending global position. */
  events: StoredEvent[]
  /** Where the next page starts: pass it as `after`. */
  position: number
}

// #region next-page
export async function nextPage(
  store: EventStore,
  after: number,
  size: number,
  eventTypes?: readonly string[],
): Promise<Page> {
  // #todo nextPage()
  // TODO 1: read at most `size` events after `after` with store.readAll(),
  //         letting the store filter by `eventTypes` (collect() gathers
  //         them into an array).
  // TODO 2: the page's position is the globalPosition of its last event
  //         (the next page is read after it); for an empty page, `after`.
  // #answer
  const events = await collect(
    store.readAll({ fromPosition: after, limit: size, eventTypes }),
  )
  const position = events.at(-1)?.globalPosition ?? after
  return { events, position }
  // #endtodo
}
// #endregion next-page

// #region read-pages
export async function readPages(
  store: EventStore,
  after: number,
  size: number,
  handle: (page: Page) => Promise<void> | void,
  eventTypes?: readonly string[],
): Promise<number> {
  // #todo readPages()
  // TODO 3: call nextPage() again and again, each time after the position
  //         the page before reached; hand every page that holds events to
  //         handle(); stop after a page of fewer than `size` events, and
  //         return the position reached.
  // #answer
  let position = after
  for (;;) {
    const page = await nextPage(store, position, size, eventTypes)
    if (page.events.length > 0) await handle(page)
    position = page.position
    if (page.events.length < size) return position
  }
  // #endtodo
}
// #endregion read-pages

// #region newest
export async function newest(
  store: EventStore,
  count: number,
  eventTypes?: readonly string[],
): Promise<StoredEvent[]> {
  // #todo newest()
  // TODO 4: read the log backwards, at most `count` events.
  // #answer
  return collect(
    store.readAll({ direction: 'backward', limit: count, eventTypes }),
  )
  // #endtodo
}
// #endregion newest
