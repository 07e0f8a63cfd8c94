/** Checks exercise 04-2 (a resumable reader that pages through the log). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  InMemoryEventStore,
  type DomainEvent,
  type StoredEvent,
} from 'eventsource-ts'
import {
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
  TaskReopened,
} from '../../03-first-aggregate/tasks.ts'
import { appendInOrder } from '../sample-log.ts'
import {
  checkTargets,
  importTarget,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/04-event-stores/04-2-log-pages.ts')
type Page = Awaited<ReturnType<Answer['nextPage']>>

/** Each event of the log, in order: its task and its kind. */
const PLAN = [
  ['a', 'created'],
  ['b', 'created'],
  ['a', 'assigned'],
  ['c', 'created'],
  ['b', 'assigned'],
  ['a', 'completed'], // #6
  ['c', 'completed'], // #7
  ['b', 'completed'], // #8
  ['a', 'reopened'], // #9
  ['c', 'reopened'], // #10
  ['a', 'completed'], // #11
  ['c', 'completed'], // #12
  ['d', 'created'],
] as const
const COMPLETED = ['TaskCompleted']

/** The events of PLAN, each at its task's next version. */
function planned(plan: readonly (readonly [string, string])[]): DomainEvent[] {
  const versions = new Map<string, number>()
  return plan.map(([task, kind]) => {
    const aggregateId = `task-${task}`
    const aggregateVersion = (versions.get(aggregateId) ?? 0) + 1
    versions.set(aggregateId, aggregateVersion)
    const base = { aggregateId, aggregateVersion }
    if (kind === 'created')
      return new TaskCreated({ ...base, title: 'Page me', description: '' })
    if (kind === 'assigned')
      return new TaskAssigned({ ...base, assignee: 'al' })
    if (kind === 'reopened')
      return new TaskReopened({ ...base, reopenedBy: 'bo' })
    return new TaskCompleted({ ...base, completedBy: 'al' })
  })
}

async function storeWithLog(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore()
  await store.initialize()
  await appendInOrder(store, planned(PLAN))
  return store
}

/** Two more events, #14 and #15, arriving later. */
const LATER = planned([...PLAN, ['e', 'created'], ['e', 'completed']]).slice(
  PLAN.length,
)

/** Global positions as "#4 #5", or "nothing". */
const shown = (events: readonly StoredEvent[]) =>
  events.map((e) => `#${e.globalPosition}`).join(' ') || 'nothing'

for (const target of await checkTargets('04-2')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { nextPage, readPages, newest } = loaded.module

    describe('checks', () => {
      test(
        'nextPage() gives at most `size` events after `after`, oldest ' +
          'first, and the position of its last',
        async () => {
          await using store = await storeWithLog()
          const page = await nextPage(store, 3, 4)
          assert.equal(
            shown(page.events),
            '#4 #5 #6 #7',
            `nextPage(store, 3, 4) must give #4 #5 #6 #7; it gave ` +
              `${shown(page.events)}. readAll's fromPosition means ` +
              '"after that position": pass `after` itself, and limit: size.',
          )
          assert.equal(
            page.position,
            7,
            'the page #4 #5 #6 #7 must have position 7, its last ' +
              `event's global position; it has ${page.position}`,
          )
        },
      )

      test(
        'pages read one after another, each from the position of the ' +
          'page before, hold every event once',
        async () => {
          await using store = await storeWithLog()
          const seen: StoredEvent[] = []
          let position = 0
          for (let read = 0; read < 20; read++) {
            const page = await nextPage(store, position, 5)
            if (page.events.length === 0) break
            seen.push(...page.events)
            position = page.position
          }
          const all = Array.from(PLAN, (_, index) => `#${index + 1}`)
          assert.equal(
            shown(seen),
            all.join(' '),
            'Reading pages of 5 from position 0, each from the position ' +
              `the page before returned, gave ${shown(seen)}. Each page ` +
              "starts after the last page's last event: its position is " +
              'that globalPosition itself, not the one after it.',
          )
        },
      )

      test(
        'an empty page keeps the position, and the reader goes on from ' +
          'it when events arrive',
        async () => {
          await using store = await storeWithLog()
          const end = await nextPage(store, 13, 5)
          assert.deepEqual(
            { events: shown(end.events), position: end.position },
            { events: 'nothing', position: 13 },
            'nextPage(store, 13, 5) at the end of the log must give no ' +
              `events and keep position 13; it gave position ` +
              `${end.position}. After an empty page, the next one starts ` +
              'where this one did: return `after`.',
          )
          await appendInOrder(store, LATER)
          const later = await nextPage(store, end.position, 5)
          assert.equal(shown(later.events), '#14 #15')
        },
      )

      test(
        'with eventTypes, a page holds `size` events of those types, and ' +
          "its position is its last event's",
        async () => {
          await using store = await storeWithLog()
          const page = await nextPage(store, 0, 2, COMPLETED)
          assert.equal(
            shown(page.events),
            '#6 #7',
            "nextPage(store, 0, 2, ['TaskCompleted']) must give the first " +
              `two TaskCompleted, #6 #7; it gave ${shown(page.events)}. ` +
              'Pass eventTypes to readAll(): the store filters before it ' +
              'counts, so limit counts matching events. A page filtered ' +
              'after reading holds fewer, and looks like the last.',
          )
          assert.equal(
            page.position,
            7,
            'the filtered page #6 #7 must have position 7; it has ' +
              `${page.position}. Positions of other types lie between ` +
              "matching ones: take the last event's globalPosition, do " +
              'not count.',
          )
        },
      )

      test(
        'readPages() hands on every page in order, returns the position ' +
          'to save, and resumes from it',
        async () => {
          await using store = await storeWithLog()
          const pages: string[] = []
          const handle = (page: Page) => void pages.push(shown(page.events))
          const saved = await readPages(store, 0, 5, handle)
          assert.deepEqual(
            pages,
            ['#1 #2 #3 #4 #5', '#6 #7 #8 #9 #10', '#11 #12 #13'],
            'readPages(store, 0, 5, handle) must hand on three pages; ' +
              `it handed on ${JSON.stringify(pages)}`,
          )
          assert.equal(saved, 13, 'readPages() must return 13, where it got')
          await appendInOrder(store, LATER)
          pages.length = 0
          const resumed = await readPages(store, saved, 5, handle)
          assert.deepEqual(
            pages,
            ['#14 #15'],
            `Started again from the saved ${saved}, readPages() must ` +
              `hand on only the new events, #14 #15; it handed on ` +
              `${JSON.stringify(pages)}. Start from \`after\`.`,
          )
          assert.equal(resumed, 15)
        },
      )

      test(
        'readPages() with eventTypes reads to the end: every ' +
          'TaskCompleted, each once',
        async () => {
          await using store = await storeWithLog()
          const seen: StoredEvent[] = []
          const handle = (page: Page) => void seen.push(...page.events)
          const saved = await readPages(store, 0, 2, handle, COMPLETED)
          assert.equal(
            shown(seen),
            '#6 #7 #8 #11 #12',
            "readPages(store, 0, 2, handle, ['TaskCompleted']) must hand " +
              `on #6 #7 #8 #11 #12; it handed on ${shown(seen)}`,
          )
          assert.equal(saved, 12)
        },
      )

      test(
        'newest() gives the newest `count` events, ' + 'newest first',
        async () => {
          await using store = await storeWithLog()
          const three = await newest(store, 3)
          assert.equal(
            shown(three),
            '#13 #12 #11',
            `newest(store, 3) must give #13 #12 #11; it gave ` +
              `${shown(three)}. Read with direction: 'backward' and ` +
              'limit: count.',
          )
          const reopened = await newest(store, 5, ['TaskReopened'])
          assert.equal(
            shown(reopened),
            '#10 #9',
            "newest(store, 5, ['TaskReopened']) must give #10 #9; it " +
              `gave ${shown(reopened)}`,
          )
        },
      )
    })
  })
}
