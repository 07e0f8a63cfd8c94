/** Checks exercise 09-2 (tell the caller what happened). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  InvalidArgumentError,
  NotConnectedError,
  type EventPublisher,
} from 'eventsource-ts'
import { TaskAggregate, TaskCompleted } from '../../03-first-aggregate/tasks.ts'
import { recordingStore } from '../../05-repositories/recording-store.ts'
import { taskRepository } from '../../05-repositories/task-repository.ts'
import { outcome, storeWithTask } from '../check-support.ts'
import { shown } from '../../shown.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/09-error-handling/09-2-reply.ts')

/**
 * A store with task-1 assigned to alice (version 2) and task-2 created,
 * and a repository on it: with `publisher`, and with another writer that
 * saves task-1 just before the repository's first save, when `rival`.
 */
async function api(
  options: { publisher?: EventPublisher; rival?: boolean } = {},
) {
  const store = await storeWithTask()
  const plain = taskRepository(store)
  const second = plain.createNew('task-2')
  second.create('Nobody has it yet')
  await plain.save(second)
  let rivalLeft = options.rival ? 1 : 0
  const watchedStore = recordingStore(store, {
    onAppend: async () => {
      if (rivalLeft-- <= 0) return
      const theirs = await plain.load('task-1')
      theirs.reassign('dave')
      await plain.save(theirs)
    },
  })
  const tasks = taskRepository(watchedStore, options.publisher)
  return { store, tasks }
}

/** A command, and the reply it must get, with words of the error's message. */
interface ErrorCase {
  name: string
  what: string
  rival?: boolean
  taskId: string
  command: (task: TaskAggregate) => void
  status: 400 | 404 | 409 | 422
  words: string
}

const errorCases: ErrorCase[] = [
  {
    name:
      'the input is wrong (EventValidationError): 400, with the message ' +
      'that names the field',
    what: "assign('') of task-2",
    taskId: 'task-2',
    command: (task) => task.assign(''),
    status: 400,
    words: 'assignee',
  },
  {
    name: 'no such task (AggregateNotFoundError): 404',
    what: 'a command for task-404, which was never stored',
    taskId: 'task-404',
    command: (task) => task.complete('alice'),
    status: 404,
    words: 'task-404 was not found',
  },
  {
    name:
      'another writer saved first (OptimisticLockError): 409, for the ' +
      'caller to try again',
    what: "complete('alice'), while another writer saves task-1 first",
    rival: true,
    taskId: 'task-1',
    command: (task) => task.complete('alice'),
    status: 409,
    words: 'expected version 2',
  },
  {
    name:
      "a rule refused the command (TaskRuleError): 422, with the rule's " +
      'message',
    what: "assign('bob') of task-1, which alice has",
    taskId: 'task-1',
    command: (task) => task.assign('bob'),
    status: 422,
    words: 'Already assigned to alice',
  },
]

for (const target of await checkTargets('09-2')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { handleCommand } = loaded.module

    describe('checks', () => {
      test(
        'handlers failed after the save (EventPublishError): 200, the ' +
          'saved version, and the error as a warning',
        async () => {
          const { store, tasks } = await api({
            publisher: {
              publish: () =>
                Promise.reject(new Error('Mail server unavailable')),
            },
          })
          const result = await outcome(
            handleCommand(tasks, 'task-1', (task) => task.complete('alice')),
          )
          const { events } = await store.getEvents('task-1', 'Task')
          const completed = events.filter((e) => e instanceof TaskCompleted)
          assert.equal(completed.length, 1, 'the task is completed once')
          if ('error' in result)
            assert.fail(
              `handleCommand() threw ${quoted(result.error)}. The task ` +
                'was saved (version 3); only a handler of the publisher ' +
                'failed afterwards, so the command is done: reply 200 ' +
                'with error.saved.version, and the message as a warning.',
            )
          const got = result.value
          assert.ok(
            got.status === 200 && 'version' in got && got.version === 3,
            'The command was saved at version 3, then a handler failed: ' +
              'reply { status: 200, version: 3, warning }, with the ' +
              `version from error.saved; replyTo() replied ${shown(got)}`,
          )
          assert.ok(
            got.warning?.includes('Mail server unavailable') &&
              got.warning.includes('was saved (version 3)'),
            "The warning must be the EventPublishError's message, which " +
              'says what was saved and which handler failed; it was ' +
              shown(got.warning),
          )
        },
      )

      for (const {
        name,
        rival,
        what,
        taskId,
        command,
        status,
        words,
      } of errorCases)
        test(name, async () => {
          const { tasks } = await api({ rival })
          const result = await outcome(handleCommand(tasks, taskId, command))
          if ('error' in result)
            assert.fail(
              `${what}: handleCommand() threw ${quoted(result.error)}, where ` +
                `replyTo() has a reply to give: ${status}.`,
            )
          const got = result.value
          assert.ok(
            got.status === status && 'error' in got,
            `${what}: reply { status: ${status}, error }; replyTo() replied ` +
              shown(got),
          )
          assert.ok(
            got.error.includes(words),
            `${what}: the reply's error must be the error's message, which ` +
              `says "${words}"; it was ${shown(got.error)}`,
          )
        })

      test(
        'rethrows any other error: a bug in a command, a store that is ' +
          'not open, an invalid argument',
        async () => {
          const { store, tasks } = await api()
          const bug = new TypeError('completedBy is null')
          const cases = [
            {
              what: 'a command with a bug, which throws a TypeError',
              run: () =>
                handleCommand(tasks, 'task-1', () => {
                  throw bug
                }),
              is: (error: unknown) => error === bug,
              why: 'a bug must reach the logs, and the caller a 500',
            },
            {
              what: "handleCommand(repository, '', command), an empty id",
              run: () =>
                handleCommand(tasks, '', (task) => task.complete('bob')),
              is: (error: unknown) => error instanceof InvalidArgumentError,
              why:
                'an InvalidArgumentError is a call the code should never ' +
                'have made',
            },
            {
              what: 'a command on a store that is closed',
              run: async () => {
                await store.close()
                return handleCommand(tasks, 'task-1', (task) =>
                  task.complete('alice'),
                )
              },
              is: (error: unknown) => error instanceof NotConnectedError,
              why:
                'a NotConnectedError is a broken set-up, not a wrong ' +
                'request',
            },
          ]
          for (const { what, run, is, why } of cases) {
            const result = await outcome(run())
            assert.ok(
              'error' in result && is(result.error),
              `${what}: handleCommand() must rethrow the error (${why}); ` +
                ('error' in result
                  ? `it threw ${quoted(result.error)}`
                  : `replyTo() replied ${shown(result.value)}`),
            )
          }
        },
      )
    })
  })
}
