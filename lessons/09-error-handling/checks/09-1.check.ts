/** Checks exercise 09-1 (save with retry: reload, back off, give up). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  AggregateNotFoundError,
  EventPublishError,
  OptimisticLockError,
  type EventPublisher,
} from 'eventsource-ts'
import {
  TaskAggregate,
  TaskCompleted,
  TaskReassigned,
  TaskRuleError,
} from '../../03-first-aggregate/tasks.ts'
import { listEvents } from '../../04-event-stores/task-history.ts'
import { recordingStore } from '../../05-repositories/recording-store.ts'
import { taskRepository } from '../../05-repositories/task-repository.ts'
import { outcome, storeWithTask, times } from '../check-support.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/09-error-handling/09-1-save-with-retry.ts')
type Operation = (task: TaskAggregate) => void | Promise<void>

/** A rival that never gives up gives up after this many saves. */
const ALWAYS = 50
/** More saves of one task than any answer needs: the checks stop there. */
const SAVE_LIMIT = 200

/** A publisher whose one handler fails, as a mail server that is down. */
const failingPublisher: EventPublisher = {
  publish: () => Promise.reject(new Error('Mail server unavailable')),
}

/**
 * task-1, assigned to alice (version 2), behind a repository where another
 * writer saves a change just before each of the answer's next `rivalSaves`
 * saves, so that they conflict. The timeline notes each load and save of
 * the answer, and each wait of the `sleep` it is given.
 */
async function contest(rivalSaves: number, publisher?: EventPublisher) {
  const store = await storeWithTask()
  const rival = taskRepository(store)
  const timeline: string[] = []
  let saves = 0
  let rivalLeft = rivalSaves
  const watchedStore = recordingStore(store, {
    onRead: () => void timeline.push('load'),
    onAppend: async () => {
      timeline.push('save')
      if (++saves > SAVE_LIMIT)
        throw new Error(
          `The checks stopped saveWithRetry() after ${SAVE_LIMIT} saves of ` +
            'one task: it retries without end.',
        )
      if (rivalLeft === 0) return
      rivalLeft--
      const theirs = await rival.load('task-1')
      theirs.reassign(theirs.state.assignee === 'dave' ? 'erin' : 'dave')
      await rival.save(theirs)
    },
  })
  const tasks = taskRepository(watchedStore, publisher)
  return {
    tasks,
    timeline,
    /** A sleep that notes the wait and returns at once. */
    sleep: async (ms: number) => void timeline.push(`wait ${ms}`),
    waits: () =>
      timeline
        .filter((entry) => entry.startsWith('wait'))
        .map((entry) => Number(entry.slice(5))),
    events: async () => (await store.getEvents('task-1', 'Task')).events,
  }
}

/** `change`, noting the version of the task it was handed each time. */
function watched(
  seen: number[],
  change: Operation = (task) => task.complete('alice'),
): Operation {
  return (task) => {
    seen.push(task.version)
    return change(task)
  }
}

const shown = (timeline: readonly string[]) => timeline.join(', ') || 'none'

for (const target of await checkTargets('09-1')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { saveWithRetry } = loaded.module

    describe('checks', () => {
      test(
        'without a conflict: loads, runs the operation once, saves, and ' +
          'returns the aggregate, without waiting',
        async () => {
          const { tasks, timeline, sleep, events } = await contest(0)
          const seen: number[] = []
          const result = await outcome(
            saveWithRetry(tasks, 'task-1', watched(seen), { sleep }),
          )
          if ('error' in result)
            assert.fail(`saveWithRetry() threw ${quoted(result.error)}.`)
          assert.equal(
            seen.length,
            1,
            `saveWithRetry() ran the operation ${times(seen.length)} ` +
              'with no conflict: run it once, on the aggregate ' +
              'repository.load(id) gives',
          )
          assert.equal(
            seen[0],
            2,
            `the operation got an aggregate at version ${seen[0]}: ` +
              'give it the stored one, from repository.load(id)',
          )
          const stored = listEvents(await events())
          assert.equal(
            stored,
            'v1 TaskCreated, v2 TaskAssigned, v3 TaskCompleted',
            `The store holds ${stored}: save() the aggregate after the ` +
              'operation',
          )
          assert.deepEqual(
            timeline,
            ['load', 'save'],
            `With no conflict saveWithRetry() must load, then save, and ` +
              `never wait; it did: ${shown(timeline)}`,
          )
          const task = result.value
          assert.ok(
            task?.version === 3 && task.uncommittedEvents.length === 0,
            'saveWithRetry() must return the aggregate it saved: version 3, ' +
              `with nothing left to save; it returned ${quoted(task)}.`,
          )
        },
      )

      test(
        'after a conflict: waits initialDelay, then loads again, runs the ' +
          'operation on the fresh aggregate, and saves it',
        async () => {
          const { tasks, timeline, sleep, events } = await contest(1)
          const seen: number[] = []
          const result = await outcome(
            saveWithRetry(tasks, 'task-1', watched(seen), { sleep }),
          )
          const saves = timeline.filter((entry) => entry === 'save').length
          if ('error' in result) {
            const { error } = result
            if (error instanceof OptimisticLockError && seen.length === 1)
              assert.fail(
                saves > 1
                  ? 'saveWithRetry() saved the same aggregate again after ' +
                      `the conflict (${shown(timeline)}): each save expected ` +
                      'version 2, where the stream is at 3. Load the ' +
                      'aggregate again, and run the operation on the fresh ' +
                      'one.'
                  : 'saveWithRetry() let the OptimisticLockError of the ' +
                      'first conflict through: catch it, wait, load the ' +
                      'aggregate again, run the operation and save it.',
              )
            assert.fail(`saveWithRetry() threw ${quoted(error)}.`)
          }
          const stored = await events()
          if (!stored.some((event) => event instanceof TaskCompleted))
            assert.fail(
              `After the conflict the store holds ${listEvents(stored)}, ` +
                'and no TaskCompleted: the aggregate saved on the retry had ' +
                'no change in it. Run the operation on the reloaded one.',
            )
          assert.equal(
            seen[1],
            3,
            'After the conflict, the operation must run again on the task ' +
              'as the other writer saved it, at version 3; it ran on ' +
              seen.map((version) => `version ${version}`).join(', then '),
          )
          assert.deepEqual(
            timeline,
            ['load', 'save', 'wait 10', 'load', 'save'],
            'After the conflict saveWithRetry() must wait initialDelay ' +
              '(10 ms by default) with options.sleep, before it loads ' +
              `again; it did: ${shown(timeline)}`,
          )
          assert.equal(
            result.value?.version,
            4,
            'saveWithRetry() must return the aggregate it saved, at ' +
              'version 4',
          )
        },
      )

      test(
        'backs off: each wait twice the one before, never more than ' +
          'maxDelay',
        async () => {
          const cases = [
            { options: {}, waits: [10, 20, 40] },
            {
              options: { maxRetries: 5, initialDelay: 100, maxDelay: 300 },
              waits: [100, 200, 300, 300, 300],
            },
          ]
          for (const { options, waits } of cases) {
            const { tasks, sleep, ...watch } = await contest(ALWAYS)
            const result = await outcome(
              saveWithRetry(tasks, 'task-1', watched([]), {
                ...options,
                sleep,
              }),
            )
            const call =
              `saveWithRetry(repository, id, operation, ` +
              `${JSON.stringify(options)})`
            if (
              'error' in result &&
              !(result.error instanceof OptimisticLockError)
            )
              assert.fail(`${call} threw ${quoted(result.error)}.`)
            assert.deepEqual(
              watch.waits(),
              waits,
              `Against a writer that always saves first, ${call} waited ` +
                `${watch.waits().join(', ') || 'never'} (ms); it must wait ` +
                `${waits.join(', ')}: initialDelay first, then twice the ` +
                'wait before, but never more than maxDelay',
            )
          }
        },
      )

      test(
        'gives up after maxRetries retries, and rethrows the last ' +
          'OptimisticLockError without waiting again',
        async () => {
          for (const maxRetries of [undefined, 0, 5]) {
            const retries = maxRetries ?? 3
            const { tasks, timeline, sleep, events } = await contest(ALWAYS)
            const seen: number[] = []
            const call =
              maxRetries === undefined
                ? '{ sleep }'
                : `{ maxRetries: ${maxRetries}, sleep }`
            const result = await outcome(
              saveWithRetry(tasks, 'task-1', watched(seen), {
                maxRetries,
                sleep,
              }),
            )
            if (!('error' in result))
              assert.fail(
                `With ${call}, saveWithRetry() ran the operation ` +
                  `${times(seen.length)} against a writer that saved ` +
                  'first every time, until that writer stopped: stop ' +
                  `after ${retries} retries, and rethrow the last ` +
                  'OptimisticLockError.',
              )
            const { error } = result
            assert.ok(
              error instanceof OptimisticLockError,
              `When it gives up, saveWithRetry() must rethrow the ` +
                `OptimisticLockError, not ${quoted(error)}`,
            )
            assert.equal(
              seen.length,
              retries + 1,
              `With ${call}, saveWithRetry() made ` +
                `${seen.length} attempts: maxRetries ${retries} means ` +
                `${retries} retries after the first attempt, ` +
                `${retries + 1} attempts in all`,
            )
            assert.equal(
              timeline.at(-1),
              'save',
              `With ${call}, saveWithRetry() waited after its last ` +
                `attempt, before giving up (${shown(timeline)}): a wait ` +
                'that no attempt follows only delays the answer',
            )
            const last = (await events()).length
            assert.equal(
              error.actualVersion,
              last,
              'saveWithRetry() must rethrow the last OptimisticLockError ' +
                `(the stream at version ${last}), not an earlier one (at ` +
                `${error.actualVersion})`,
            )
          }
        },
      )

      test(
        'never retries a rule’s refusal, or an aggregate that does not ' +
          'exist',
        async () => {
          const { tasks, timeline, sleep } = await contest(0)
          const seen: number[] = []
          const refused = await outcome(
            saveWithRetry(
              tasks,
              'task-1',
              watched(seen, (task) => task.assign('bob')),
              { sleep },
            ),
          )
          assert.ok(
            'error' in refused && refused.error instanceof TaskRuleError,
            'An operation that assign()s a task assigned to alice throws ' +
              'a TaskRuleError: saveWithRetry() must rethrow it, but it ' +
              ('error' in refused
                ? `threw ${quoted(refused.error)}.`
                : 'returned.'),
          )
          assert.equal(
            seen.length,
            1,
            `saveWithRetry() ran an operation that a rule refused ` +
              `${times(seen.length)} (${shown(timeline)}): retry only ` +
              'an OptimisticLockError. A rule refuses again, every time.',
          )
          const missing = await outcome(
            saveWithRetry(tasks, 'task-404', watched([]), { sleep }),
          )
          assert.ok(
            'error' in missing &&
              missing.error instanceof AggregateNotFoundError,
            "saveWithRetry(repository, 'task-404', ...), for a task never " +
              'stored, must rethrow the AggregateNotFoundError of load()',
          )
          assert.ok(
            !timeline.some((entry) => entry.startsWith('wait')),
            `saveWithRetry() waited (${shown(timeline)}) for an error ` +
              'that is not a conflict: rethrow it at once',
          )
        },
      )

      test(
        'never retries an EventPublishError: the save stood, and the ' +
          'operation must not run twice',
        async () => {
          const { tasks, timeline, sleep, events } = await contest(
            0,
            failingPublisher,
          )
          const seen: number[] = []
          const result = await outcome(
            saveWithRetry(tasks, 'task-1', watched(seen), { sleep }),
          )
          const completed = (await events()).filter(
            (event) => event instanceof TaskCompleted,
          ).length
          assert.ok(
            seen.length === 1 && completed === 1,
            'The save stood, then a handler of the repository’s publisher ' +
              'failed, and save() threw an EventPublishError: the task is ' +
              `completed. saveWithRetry() ran the operation ` +
              `${times(seen.length)} (${shown(timeline)}) and ` +
              ('error' in result
                ? `threw ${quoted(result.error)}`
                : 'returned') +
              ': retry only an OptimisticLockError, and rethrow anything ' +
              'else at once.',
          )
          assert.ok(
            'error' in result && result.error instanceof EventPublishError,
            'saveWithRetry() must rethrow the EventPublishError, for its ' +
              'caller to see the save stood and which handlers failed',
          )
        },
      )

      test(
        'four writers at once on one task: each change is saved once, ' +
          'none lost',
        async () => {
          const store = await storeWithTask()
          const tasks = taskRepository(store)
          const people = ['bob', 'carol', 'dave', 'erin']
          // A wait that lets the other writers run first, at once.
          const sleep = () =>
            new Promise<void>((resolve) => setTimeout(resolve, 0))
          const outcomes = await Promise.allSettled(
            people.map((person) =>
              saveWithRetry(tasks, 'task-1', (task) => task.reassign(person), {
                sleep,
              }),
            ),
          )
          const failed = outcomes.flatMap((result, i) =>
            result.status === 'rejected'
              ? [`${people[i]}'s: ${quoted(result.reason)}`]
              : [],
          )
          assert.deepEqual(
            failed,
            [],
            'Four writers reassigned task-1 at the same moment, each with ' +
              'saveWithRetry(); each conflict must be retried on the task ' +
              'as it is then, and with 3 retries every writer gets its ' +
              `turn. These failed: ${failed.join('; ')}`,
          )
          const { events } = await store.getEvents('task-1', 'Task')
          const given = events
            .flatMap((e) =>
              e instanceof TaskReassigned ? [e.newAssignee] : [],
            )
            .sort()
          assert.deepEqual(
            given,
            people,
            `The store holds reassignments to ${given.join(', ')}: each ` +
              "writer's change must be saved once",
          )
        },
      )

      test('awaits an async operation before it saves', async () => {
        const { tasks, sleep, events } = await contest(0)
        const later = () =>
          new Promise<void>((resolve) => setTimeout(resolve, 0))
        const result = await outcome(
          saveWithRetry(
            tasks,
            'task-1',
            async (task) => {
              await later() // as if it looked something up first
              task.complete('alice')
            },
            { sleep },
          ),
        )
        if ('error' in result)
          assert.fail(`saveWithRetry() threw ${quoted(result.error)}.`)
        const stored = listEvents(await events())
        assert.equal(
          stored,
          'v1 TaskCreated, v2 TaskAssigned, v3 TaskCompleted',
          `An async operation completed the task, but the store holds ` +
            `${stored}: saveWithRetry() saved before the operation had ` +
            'finished. await operation(aggregate), then save.',
        )
      })
    })
  })
}
