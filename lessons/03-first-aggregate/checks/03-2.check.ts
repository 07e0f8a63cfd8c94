/** Checks exercise 03-2 (replaying a history gives the same state). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import { TaskAggregate, type TaskState } from '../tasks.ts'
import {
  checkTargets,
  importTarget,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/03-first-aggregate/03-2-replay.ts')

/** A task that renames itself without an event: a command done wrong. */
class SneakyTask extends TaskAggregate {
  rename(title: string): void {
    this.state = { ...this.state, title }
  }
}

/**
 * A live task taken through its commands, with its state after each one:
 * states[v] is the state at version v.
 */
function liveTask(taskId = 'task-1') {
  const task = new TaskAggregate(taskId)
  const states: TaskState[] = [task.state]
  const steps = [
    () => task.create('Check exercise 03-2', 'Replay'),
    () => task.assign('alice'),
    () => task.reassign('bob'),
    () => task.complete('bob'),
    () => task.reopen('alice'),
    () => task.complete('carol'),
  ]
  for (const step of steps) {
    step()
    states.push(task.state)
  }
  return { task, history: task.uncommittedEvents, states }
}

for (const target of await checkTargets('03-2')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { rebuildTask, sameTask, taskAt } = loaded.module

    describe('checks', () => {
      test(
        'rebuildTask() gives a TaskAggregate at the version and state ' +
          'of the task that raised the history',
        () => {
          const { task, history } = liveTask()
          const rebuilt = rebuildTask('task-1', history)
          assert.ok(
            rebuilt instanceof TaskAggregate,
            `rebuildTask() must return a TaskAggregate, got ${rebuilt}`,
          )
          assert.ok(
            rebuilt !== task,
            'rebuildTask() returned the live task itself: construct a new ' +
              'one, as a repository does when it loads',
          )
          assert.equal(rebuilt.aggregateId, 'task-1')
          assert.equal(
            rebuilt.version,
            history.length,
            `a task rebuilt from ${history.length} events must be at ` +
              `version ${history.length}`,
          )
          assert.deepEqual(
            rebuilt.state,
            task.state,
            'the rebuilt state must equal the live one',
          )
        },
      )

      test('a rebuilt task has nothing to save: no uncommitted events', () => {
        const { history } = liveTask()
        const rebuilt = rebuildTask('task-1', history)
        const left = rebuilt.uncommittedEvents.length
        assert.equal(
          left,
          0,
          `rebuildTask() left ${left} uncommitted events: replay with ` +
            'loadFromHistory(), which records nothing. applyEvent() ' +
            'records each event as new, and a repository would store the ' +
            'whole history a second time.',
        )
      })

      test(
        'sameTask() is true for a live task and its rebuild, ' +
          'and for two rebuilds',
        () => {
          const { task, history } = liveTask()
          const rebuilt = rebuildTask('task-1', history)
          assert.ok(
            sameTask(task, rebuilt) && sameTask(rebuilt, task),
            'sameTask() said false for a task and its rebuild: their ' +
              'ids, versions and states are equal, field by field. Two ' +
              'objects with the same fields are not === each other: ' +
              'compare states with isDeepStrictEqual(a.state, b.state).',
          )
          assert.ok(
            sameTask(rebuilt, rebuildTask('task-1', history)),
            'sameTask() said false for two rebuilds of one history',
          )
        },
      )

      test(
        'sameTask() is false when the id, the version or a state field ' +
          'differs',
        () => {
          /** A task created with `title`, then taken through `commands`. */
          const made = (title: string, ...commands: string[]) => {
            const task = new TaskAggregate('task-1')
            task.create(title)
            for (const [index, assignee] of commands.entries())
              if (index === 0) task.assign(assignee)
              else task.reassign(assignee)
            return task
          }
          const pairs: [string, TaskAggregate, TaskAggregate][] = [
            ['another id', liveTask('task-1').task, liveTask('task-2').task],
            [
              'the same state at another version',
              made('Check', 'alice'),
              made('Check', 'alice', 'bob', 'alice'),
            ],
            ['another title', made('Check'), made('Check again')],
          ]
          for (const [what, a, b] of pairs)
            assert.ok(
              !sameTask(a, b),
              `sameTask() said true for two tasks with ${what}: ` +
                'compare the ids, the versions and the states',
            )
        },
      )

      test(
        'sameTask() catches a command that changed the state without an ' +
          'event: its rebuild differs',
        () => {
          const sneaky = new SneakyTask('task-1')
          sneaky.create('Before')
          sneaky.rename('After') // no event: a replay never sees it
          const rebuilt = rebuildTask('task-1', sneaky.uncommittedEvents)
          assert.ok(
            !sameTask(sneaky, rebuilt),
            'A task renamed without an event ("After") and its rebuild ' +
              '("Before") differ in state.title, but sameTask() said true: ' +
              'compare the whole state, field by field.',
          )
        },
      )

      test(
        'taskAt() gives the task as it was at each version, from 0 to ' +
          'the last',
        () => {
          const { history, states } = liveTask()
          states.forEach((state, version) => {
            const at = taskAt('task-1', history, version)
            assert.equal(
              at.version,
              version,
              `taskAt(taskId, history, ${version}) gave a task at ` +
                `version ${at.version}: replay the events whose ` +
                `aggregateVersion is ${version} or less (versions start ` +
                'at 1; 0 is a task with no event).',
            )
            assert.deepEqual(
              at.state,
              state,
              `taskAt(taskId, history, ${version}): the state must be the ` +
                `live task's state at version ${version}`,
            )
          })
        },
      )
    })
  })
}
