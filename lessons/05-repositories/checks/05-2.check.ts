/** Checks exercise 05-2 (retry a conflict: reload, run the command again). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  AggregateNotFoundError,
  InMemoryEventStore,
  OptimisticLockError,
  type AggregateRepository,
} from 'eventsource-ts'
import {
  TaskCompleted,
  TaskRuleError,
  type TaskAggregate,
} from '../../03-first-aggregate/tasks.ts'
import { listEvents } from '../../04-event-stores/task-history.ts'
import { recordingStore } from '../recording-store.ts'
import { taskRepository } from '../task-repository.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer = typeof import('../../../solutions/05-repositories/05-2-retry.ts')
type TaskCommand = (task: TaskAggregate) => void

/** A rival that never gives up gives up after this many saves. */
const ALWAYS = 50
/** More saves of one task than any answer needs: the checks stop there. */
const SAVE_LIMIT = 200

/** The task as a command was handed it. */
interface Seen {
  version: number
  assignee: string | null
  uncommitted: number
}

/**
 * A stored task, task-1, assigned to alice (version 2), behind a repository
 * where another writer saves a change to the task just before each of the
 * answer's next `rivalSaves` saves, so that they conflict.
 */
async function contest(
  rivalSaves: number,
  rivalCommand: TaskCommand = (task) =>
    task.reassign(task.state.assignee === 'dave' ? 'erin' : 'dave'),
) {
  const store = new InMemoryEventStore()
  await store.initialize()
  const rival = taskRepository(store)
  const created = rival.createNew('task-1')
  created.create('Check exercise 05-2')
  created.assign('alice')
  await rival.save(created)
  const counts = { saves: 0, rivalLeft: rivalSaves }
  const watched = recordingStore(store, {
    onAppend: async () => {
      if (++counts.saves > SAVE_LIMIT)
        throw new Error(
          `The checks stopped updateTask() after ${SAVE_LIMIT} saves of ` +
            'one task: it retries without end.',
        )
      if (counts.rivalLeft === 0) return
      counts.rivalLeft--
      const theirs = await rival.load('task-1')
      rivalCommand(theirs)
      await rival.save(theirs)
    },
  })
  const stream = async () => (await store.getEvents('task-1', 'Task')).events
  return { tasks: taskRepository(watched), counts, stream }
}

/** `change`, recording the task it was handed each time it ran. */
function watchedCommand(
  seen: Seen[],
  change: TaskCommand = (task) => task.complete('alice'),
): TaskCommand {
  return (task) => {
    const { version, state, uncommittedEvents } = task
    seen.push({
      version,
      assignee: state.assignee,
      uncommitted: uncommittedEvents.length,
    })
    change(task)
  }
}

/** What a promise gave: its value, or what it threw. */
async function outcome<T>(
  promise: Promise<T>,
): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await promise }
  } catch (error) {
    return { error }
  }
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`)

for (const target of await checkTargets('05-2')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { updateTask } = loaded.module
    const update = (
      tasks: AggregateRepository<TaskAggregate>,
      command: TaskCommand,
      maxAttempts?: number,
    ) =>
      outcome(
        maxAttempts === undefined
          ? updateTask(tasks, 'task-1', command)
          : updateTask(tasks, 'task-1', command, maxAttempts),
      )

    describe('checks', () => {
      test(
        'without a conflict: loads the task, runs the command once, ' +
          'saves it and returns it',
        async () => {
          const { tasks, stream } = await contest(0)
          const seen: Seen[] = []
          const result = await update(tasks, watchedCommand(seen))
          if ('error' in result)
            assert.fail(`updateTask() threw ${quoted(result.error)}.`)
          assert.equal(
            seen.length,
            1,
            `updateTask() ran the command ${times(seen.length)} with no ` +
              'conflict: run it once, on the task repository.load() gives',
          )
          assert.equal(
            seen[0]?.version,
            2,
            `the command got a task at version ${seen[0]?.version}: ` +
              'give it the stored task, from repository.load(taskId)',
          )
          const stored = listEvents(await stream())
          assert.equal(
            stored,
            'v1 TaskCreated, v2 TaskAssigned, v3 TaskCompleted',
            `The store holds ${stored}: save() the task after the command`,
          )
          const task = result.value
          assert.ok(
            task?.version === 3 && task.uncommittedEvents.length === 0,
            'updateTask() must return the task it saved: version 3, with ' +
              `nothing left to save; it returned ${quoted(task)}.`,
          )
        },
      )

      test(
        'after a conflict: loads the task again, runs the command on ' +
          'the fresh task, and saves it',
        async () => {
          const { tasks, counts, stream } = await contest(1)
          const seen: Seen[] = []
          const result = await update(tasks, watchedCommand(seen))
          const events = await stream()
          if ('error' in result) {
            const { error } = result
            if (error instanceof OptimisticLockError && seen.length === 1)
              assert.fail(
                counts.saves > 1
                  ? 'updateTask() saved the same task again after the ' +
                      `conflict: it ran the command once and saved ` +
                      `${counts.saves} times, and each save expected ` +
                      'version 2, where the stream is at 3. Load the task ' +
                      'again, and run the command on the fresh one.'
                  : 'updateTask() let the OptimisticLockError of the first ' +
                      'conflict through: catch it, load the task again, ' +
                      'run the command on it, and save it.',
              )
            const [, second] = seen
            if (second && second.uncommitted > 0)
              assert.fail(
                `updateTask() threw ${quoted(error)}: the second time, ` +
                  'the command got the task it had changed already, with ' +
                  `${second.uncommitted} uncommitted event. Load the task ` +
                  'again, from the store, before you run the command again.',
              )
            assert.fail(`updateTask() threw ${quoted(error)}.`)
          }
          if (!events.some((event) => event instanceof TaskCompleted))
            assert.fail(
              `After the conflict the store holds ${listEvents(events)}, ` +
                'and no TaskCompleted: the task saved on the retry had ' +
                'no change in it. A reloaded task comes from the store, ' +
                'without the events of the command: run the command on it ' +
                'again.',
            )
          const second = seen[1]
          assert.ok(
            seen.length === 2 &&
              second?.version === 3 &&
              second.assignee === 'dave' &&
              second.uncommitted === 0,
            'After one conflict, the command must run twice, the second ' +
              'time on the task as the other writer saved it (version 3, ' +
              'assigned to dave, nothing uncommitted); it got ' +
              seen
                .map(
                  (task) =>
                    `version ${task.version}, assigned to ` +
                    `${task.assignee}, ${task.uncommitted} uncommitted`,
                )
                .join('; then '),
          )
          const stored = listEvents(events)
          assert.equal(
            stored,
            'v1 TaskCreated, v2 TaskAssigned, v3 TaskReassigned, ' +
              'v4 TaskCompleted',
            `The store holds ${stored}: the other writer's change, then ours`,
          )
          assert.equal(
            result.value?.version,
            4,
            'updateTask() must return the task it saved, at version 4',
          )
        },
      )

      test(
        'gives up after maxAttempts attempts in all, and rethrows the ' +
          'OptimisticLockError',
        async () => {
          for (const maxAttempts of [undefined, 1, 5]) {
            const expected = maxAttempts ?? 3
            const { tasks } = await contest(ALWAYS)
            const seen: Seen[] = []
            const call =
              maxAttempts === undefined
                ? 'updateTask(repository, taskId, command)'
                : `updateTask(repository, taskId, command, ${maxAttempts})`
            const result = await update(
              tasks,
              watchedCommand(seen),
              maxAttempts,
            )
            if (!('error' in result))
              assert.fail(
                `${call} ran the command ${times(seen.length)} against a ` +
                  'writer that saved first every time, until that writer ' +
                  `stopped: stop after maxAttempts (${expected}) attempts ` +
                  'in all, and rethrow the last OptimisticLockError.',
              )
            assert.ok(
              result.error instanceof OptimisticLockError,
              `${call} must rethrow the OptimisticLockError when it gives ` +
                `up, not ${quoted(result.error)}`,
            )
            assert.equal(
              seen.length,
              expected,
              `${call} ran the command ${times(seen.length)} before it ` +
                `gave up: maxAttempts (${expected}) counts every attempt, ` +
                `the first one included`,
            )
          }
        },
      )

      test(
        'lets any other error through at once: a rule that refuses the ' +
          'command, a task that does not exist',
        async () => {
          const { tasks } = await contest(0)
          const seen: Seen[] = []
          const refused = watchedCommand(seen, (task) => task.assign('bob'))
          const result = await update(tasks, refused)
          assert.ok(
            'error' in result && result.error instanceof TaskRuleError,
            'A command that assign()s a task assigned to alice throws a ' +
              'TaskRuleError: updateTask() must let it through, but it ' +
              ('error' in result
                ? `threw ${quoted(result.error)}.`
                : 'returned.'),
          )
          assert.equal(
            seen.length,
            1,
            `updateTask() ran a command that a rule refused ` +
              `${times(seen.length)}: retry only on an ` +
              'OptimisticLockError. A TaskRuleError says the command is ' +
              'not allowed, and running it again changes nothing.',
          )
          const missing = await outcome(
            updateTask(tasks, 'task-404', watchedCommand(seen)),
          )
          assert.ok(
            'error' in missing &&
              missing.error instanceof AggregateNotFoundError,
            "updateTask(repository, 'task-404', command), for a task that " +
              'was never stored, must let the AggregateNotFoundError of ' +
              'load() through',
          )
        },
      )

      test(
        'after a conflict, the rules decide again, ' + 'on the fresh task',
        async () => {
          const { tasks, stream } = await contest(1, (task) =>
            task.complete('dave'),
          )
          const seen: Seen[] = []
          const reassign = watchedCommand(seen, (task) => task.reassign('bob'))
          const result = await update(tasks, reassign)
          const stored = listEvents(await stream())
          assert.ok(
            'error' in result && result.error instanceof TaskRuleError,
            'The other writer completed the task before our ' +
              "reassign('bob') was saved. Reloaded, the task is completed, " +
              'and reassign() must refuse it with a TaskRuleError, which ' +
              'updateTask() lets through; it ' +
              ('error' in result
                ? `threw ${quoted(result.error)}.`
                : `returned, and the store holds ${stored}.`),
          )
          assert.equal(
            stored,
            'v1 TaskCreated, v2 TaskAssigned, v3 TaskCompleted',
            'nothing of the refused command may be stored',
          )
        },
      )
    })
  })
}
