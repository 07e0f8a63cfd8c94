/** Checks exercise 05-3 (make sure a task exists, however often you ask). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  AggregateNotFoundError,
  InMemoryEventStore,
  OptimisticLockError,
} from 'eventsource-ts'
import { TaskCreated, TaskRuleError } from '../../03-first-aggregate/tasks.ts'
import { listEvents } from '../../04-event-stores/task-history.ts'
import { taskRepository } from '../task-repository.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer = typeof import('../../../solutions/05-repositories/05-3-ensure.ts')

/** Why ensureTask() threw, and what to do about it. */
function explain(error: unknown, situation: string): string {
  const threw = `${situation}, ensureTask() threw ${quoted(error)}.`
  if (error instanceof AggregateNotFoundError)
    return (
      `${threw} load() needs a stored task; loadOrCreate() gives a new ` +
      'one, at version 0, when there is none.'
    )
  if (error instanceof OptimisticLockError)
    return (
      `${threw} It saved a second TaskCreated, for a task that is ` +
      'stored: createNew() always gives a new, empty task. ' +
      'loadOrCreate() gives the stored one when there is one.'
    )
  if (error instanceof TaskRuleError)
    return (
      `${threw} create() only a new task: the one loadOrCreate() gives ` +
      'at version 0.'
    )
  return threw
}

for (const target of await checkTargets('05-3')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { ensureTask } = loaded.module

    /** A repository of tasks on a new store. */
    async function repository() {
      const store = new InMemoryEventStore()
      await store.initialize()
      const tasks = taskRepository(store)
      const stream = async () =>
        (await store.getEvents('task-1', 'Task')).events
      return { tasks, stream }
    }

    async function ensure(
      tasks: ReturnType<typeof taskRepository>,
      title: string,
      situation: string,
    ) {
      try {
        return await ensureTask(tasks, 'task-1', title)
      } catch (error) {
        assert.fail(explain(error, situation))
      }
    }

    describe('checks', () => {
      test(
        'creates a task that is not stored, saves it, and says ' +
          'created: true',
        async () => {
          const { tasks, stream } = await repository()
          const situation = 'For a task that is not stored yet'
          const { task, created } = await ensure(tasks, 'Write it', situation)
          const events = await stream()
          assert.ok(
            events.length > 0,
            'The store holds no event of task-1 after ensureTask(): ' +
              'save() the task after create().',
          )
          const [first] = events
          assert.ok(
            events.length === 1 &&
              first instanceof TaskCreated &&
              first.title === 'Write it',
            `The store holds ${listEvents(events)}: ensureTask() must ` +
              'store one TaskCreated, with the title it is given',
          )
          assert.equal(created, true, 'created must be true for a new task')
          assert.ok(
            task?.version === 1 && task.uncommittedEvents.length === 0,
            'ensureTask() must return the task it saved: version 1, ' +
              `nothing left to save; it returned ${quoted(task)}.`,
          )
        },
      )

      test(
        'asked again for the same id, changes nothing and says ' +
          'created: false',
        async () => {
          const { tasks, stream } = await repository()
          await ensure(tasks, 'Write it', 'For a task that is not stored')
          const again = await ensure(
            tasks,
            'Another title',
            'The second time, for a task it had created',
          )
          const events = await stream()
          assert.equal(
            listEvents(events),
            'v1 TaskCreated',
            'the second call must store nothing',
          )
          assert.equal(
            again.created,
            false,
            'the second call must say created: false: the task was stored',
          )
          assert.equal(
            again.task?.state.title,
            'Write it',
            'the second call must return the stored task, with the title ' +
              'it was created with',
          )
        },
      )

      test(
        'leaves a task with a history as it is: ' + 'its state, its version',
        async () => {
          const { tasks, stream } = await repository()
          const old = tasks.createNew('task-1')
          old.create('Old task')
          old.assign('alice')
          old.complete('alice')
          await tasks.save(old)
          const { task, created } = await ensure(
            tasks,
            'New task',
            'For a task stored at version 3',
          )
          assert.equal(created, false, 'created must be false: it was stored')
          assert.equal(
            listEvents(await stream()),
            'v1 TaskCreated, v2 TaskAssigned, v3 TaskCompleted',
            'ensureTask() must store nothing for a task that exists',
          )
          assert.ok(
            task?.version === 3,
            'ensureTask() must return the stored task, at version 3; it ' +
              `returned one at version ${task?.version}`,
          )
          assert.deepEqual(task.state, old.state, 'the state must be stored')
        },
      )
    })
  })
}
