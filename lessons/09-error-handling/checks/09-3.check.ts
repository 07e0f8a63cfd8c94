/** Checks exercise 09-3 (a poison event set aside, replayed once fixed). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import { InMemoryDeadLetterStore, type EventSubscriber } from 'eventsource-ts'
import { assign, create, reassign } from '../../06-projections/check-support.ts'
import { feed } from '../../06-projections/feed.ts'
import { storeWith } from '../../06-projections/history.ts'
import { outcome } from '../check-support.ts'
import { AssignmentNotices, MailServer, teamDirectory } from '../notices.ts'
import { shown } from '../../shown.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/09-error-handling/09-3-dead-letters.ts')

/**
 * Eight events: four assignments, two of them to people the team's
 * directory does not know yet, carol (position 4) and dave (position 7).
 */
const day = [
  create('t1'),
  assign('t1', 'alice'),
  create('t2'),
  assign('t2', 'carol'),
  create('t3'),
  assign('t3', 'bob'),
  reassign('t1', 'dave'),
  reassign('t3', 'alice'),
]
const EVERY_NOTICE = [
  'alice@example.com: t1 is yours now',
  'carol@example.com: t2 is yours now',
  'bob@example.com: t3 is yours now',
  'dave@example.com: t1 is yours now',
  'alice@example.com: t3 is yours now',
]

/** The day's store, and the notices on it, with their directory. */
async function notices() {
  const store = await storeWith(day)
  const mail = new MailServer()
  const directory = teamDirectory()
  const subscriber = new AssignmentNotices(directory, mail)
  /** The positions handed to the subscriber, through `spy`. */
  const handed: number[] = []
  const spy: EventSubscriber = {
    name: subscriber.name,
    eventTypes: subscriber.eventTypes,
    handle: (stored) => {
      handed.push(stored.globalPosition)
      return subscriber.handle(stored)
    },
  }
  const fix = (...people: string[]) => {
    for (const person of people) directory.set(person, `${person}@example.com`)
  }
  return { store, mail, spy, handed, fix }
}

for (const target of await checkTargets('09-3')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { withDeadLetters, eventAt, replayDeadLetters } = loaded.module

    /** The day fed through withDeadLetters(); it must not throw. */
    async function fedWithDeadLetters(fixed: string[] = []) {
      const setup = await notices()
      setup.fix(...fixed)
      const deadLetters = new InMemoryDeadLetterStore()
      const wrapped = withDeadLetters(setup.spy, deadLetters)
      const fed = await outcome(feed(wrapped, setup.store))
      if ('error' in fed)
        assert.fail(
          `feed() of the wrapped notices threw ${quoted(fed.error)}, and ` +
            'stopped at that event: the events after it were never ' +
            'handled. Record the dead letter, then return normally.',
        )
      setup.handed.length = 0
      return { ...setup, deadLetters, wrapped }
    }

    describe('checks', () => {
      test(
        'hands each event to the subscriber, under its name and event ' +
          'types',
        async () => {
          const { mail, wrapped, deadLetters } = await fedWithDeadLetters([
            'carol',
            'dave',
          ])
          assert.equal(
            wrapped.name,
            'assignment-notices',
            "the wrapper must keep the subscriber's name",
          )
          assert.deepEqual(
            wrapped.eventTypes,
            ['TaskAssigned', 'TaskReassigned'],
            "the wrapper must keep the subscriber's eventTypes",
          )
          assert.deepEqual(
            mail.sent,
            EVERY_NOTICE,
            'With everyone in the directory, every assignment must be ' +
              `mailed, in order; mail sent: ${shown(mail.sent)}`,
          )
          const letters = await deadLetters.list()
          assert.equal(
            letters.length,
            0,
            `Nothing failed, yet there are dead letters: ${shown(letters)}`,
          )
        },
      )

      test(
        'an event its handler throws on becomes a dead letter, and the ' +
          'feed goes on',
        async () => {
          const { store, mail, deadLetters } = await fedWithDeadLetters()
          const sent = EVERY_NOTICE.filter((n) => !/carol|dave/.test(n))
          assert.deepEqual(
            mail.sent,
            sent,
            'The feed must go on past an event that failed: the ' +
              `notices to alice and bob must be sent; mail sent: ` +
              shown(mail.sent),
          )
          const letters = await deadLetters.list()
          assert.deepEqual(
            letters.map((letter) => letter.globalPosition),
            [4, 7],
            'The notices to carol (position 4) and dave (position 7) ' +
              'failed: each must be recorded as a dead letter with ' +
              'deadLetters.record(); the open dead letters are ' +
              shown(letters),
          )
          const [letter] = letters
          const { events } = await store.getEvents('t2', 'Task')
          const event = events[1]!
          const expected = {
            subscription: 'assignment-notices',
            globalPosition: 4,
            eventId: event.eventId,
            eventType: 'TaskAssigned',
            aggregateId: 't2',
            aggregateType: 'Task',
            attempts: 1,
          }
          for (const [field, value] of Object.entries(expected))
            assert.equal(
              letter?.[field as keyof typeof expected],
              value,
              `The dead letter of position 4 must have ${field} ` +
                `${shown(value)}, to find the event again and say what ` +
                `it was; it has ${shown(letter?.[field as 'attempts'])}`,
            )
          assert.ok(
            letter?.error.includes('No address for carol'),
            "The dead letter's error must say why the event failed: " +
              `record String(error); it says ${shown(letter?.error)}`,
          )
        },
      )

      test(
        'eventAt() finds the event at a global position, the first and ' +
          'the last included',
        async () => {
          const { store } = await notices()
          for (const position of [1, 4, 8]) {
            const found = await outcome(eventAt(store, position))
            const at =
              'error' in found
                ? `threw ${quoted(found.error)}`
                : `gave the event at ${found.value?.globalPosition}`
            assert.ok(
              'value' in found && found.value.globalPosition === position,
              `eventAt(store, ${position}) ${at}. readAll({ fromPosition }) ` +
                'reads the events after fromPosition: to start at ' +
                `${position}, read after ${position - 1}`,
            )
          }
          const beyond = await outcome(eventAt(store, 9))
          assert.ok(
            'error' in beyond,
            'The store holds 8 events: eventAt(store, 9) must throw, not ' +
              `give ${shown('value' in beyond && beyond.value)}`,
          )
        },
      )

      test(
        'once fixed, a replay hands each dead letter its own event again, ' +
          'oldest first, and resolves it',
        async () => {
          const setup = await fedWithDeadLetters()
          const { store, spy, handed, mail, deadLetters, fix } = setup
          fix('carol', 'dave')
          const before = mail.sent.length
          const report = await replayDeadLetters(store, spy, deadLetters)
          const all = await deadLetters.list({ includeResolved: true })
          const errors = all.map((letter) => letter.error).join('; ')
          assert.deepEqual(
            { ...report },
            { replayed: 2, failed: 0 },
            'Once carol and dave are in the directory, both dead letters ' +
              `must replay: replayDeadLetters() returned ${shown(report)}` +
              (report.failed > 0 ? `; the letters say: ${errors}` : ''),
          )
          assert.deepEqual(
            handed,
            [4, 7],
            'replayDeadLetters() must hand the subscriber the event of ' +
              'each dead letter, oldest first (positions 4, then 7); it ' +
              `handed ${handed.join(', ') || 'nothing'}`,
          )
          assert.deepEqual(
            mail.sent.slice(before),
            [EVERY_NOTICE[1], EVERY_NOTICE[3]],
            "The replay must send carol's and dave's notices",
          )
          const open = await deadLetters.list()
          assert.equal(
            open.length,
            0,
            'A dead letter replayed must be resolved, with ' +
              'deadLetters.resolve(letter.id); still open: ' +
              shown(open.map((letter) => letter.globalPosition)),
          )
          const again = await replayDeadLetters(store, spy, deadLetters)
          assert.ok(
            again.replayed === 0 &&
              again.failed === 0 &&
              mail.sent.length === before + 2,
            'Replayed again, with no dead letter open, replayDeadLetters() ' +
              `must do nothing; it returned ${shown(again)}`,
          )
        },
      )

      test(
        'a dead letter that fails again stays open, with the latest error ' +
          'and one more attempt',
        async () => {
          const setup = await fedWithDeadLetters()
          const { store, spy, deadLetters, fix } = setup
          fix('carol') // dave is still unknown
          const report = await replayDeadLetters(store, spy, deadLetters)
          assert.deepEqual(
            { ...report },
            { replayed: 1, failed: 1 },
            'With carol added and dave still unknown, one dead letter ' +
              'replays and one fails again: replayDeadLetters() returned ' +
              shown(report),
          )
          const open = await deadLetters.list()
          assert.ok(
            open.length === 1 &&
              open[0]?.globalPosition === 7 &&
              open[0].attempts === 2 &&
              open[0].error.includes('No address for dave'),
            "dave's dead letter failed again: record it again " +
              '(deadLetters.record with 1 attempt adds to its attempts and ' +
              'keeps it open), and leave it unresolved; the open dead ' +
              `letters are ${shown(open)}`,
          )
        },
      )

      test("replays only this subscriber's dead letters", async () => {
        const setup = await fedWithDeadLetters()
        const { store, spy, handed, deadLetters, fix } = setup
        await deadLetters.record({
          subscription: 'task-board',
          globalPosition: 2,
          error: 'Error: the board was down',
          attempts: 1,
        })
        fix('carol', 'dave')
        await replayDeadLetters(store, spy, deadLetters)
        const [board] = await deadLetters.list({ subscription: 'task-board' })
        assert.ok(
          !handed.includes(2) && board?.resolvedAt === undefined,
          'Another subscription, task-board, has a dead letter of its own, ' +
            'at position 2: replayDeadLetters() must list only ' +
            "the subscriber's, deadLetters.list({ subscription: " +
            `subscriber.name }); it handed ${handed.join(', ')}`,
        )
      })
    })
  })
}
