/** Checks exercise 05-1 (a task workflow, from create to the stored events). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  AggregateNotFoundError,
  InMemoryEventStore,
  type EventStore,
} from 'eventsource-ts'
import { TaskRuleError } from '../../03-first-aggregate/tasks.ts'
import { listEvents } from '../../04-event-stores/task-history.ts'
import { recordingStore } from '../recording-store.ts'
import { taskRepository } from '../task-repository.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/05-repositories/05-1-workflow.ts')
type WorkflowResult = Awaited<ReturnType<Answer['runTaskWorkflow']>>

const WORKFLOW =
  'v1 TaskCreated, v2 TaskAssigned, v3 TaskReassigned, v4 TaskCompleted'

/** Why the workflow threw, and what to do about it. */
function explain(error: unknown): string {
  const threw = `runTaskWorkflow() threw ${quoted(error)}.`
  if (error instanceof TaskRuleError && /does not exist/.test(error.message))
    return (
      `${threw} A task from createNew() is new and empty, at version 0: ` +
      'to change the saved task, load it with repository.load(taskId).'
    )
  if (error instanceof AggregateNotFoundError)
    return (
      `${threw} load() found no event of the task: save() it after ` +
      'create() and assign(), before you load it.'
    )
  return threw
}

for (const target of await checkTargets('05-1')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { runTaskWorkflow, TITLE, DESCRIPTION } = loaded.module

    interface Run {
      store: InMemoryEventStore
      /** What the workflow asked of the store, in order. */
      calls: ('read' | 'append')[]
      result: WorkflowResult
    }

    /** The workflow, run on a new store, or on `store` when given. */
    async function run(taskId = 'task-1', store?: InMemoryEventStore) {
      const inner = store ?? new InMemoryEventStore()
      await inner.initialize()
      const calls: Run['calls'] = []
      const watched: EventStore = recordingStore(inner, {
        onRead: () => calls.push('read'),
        onAppend: () => void calls.push('append'),
      })
      try {
        const result = await runTaskWorkflow(watched, taskId)
        return { store: inner, calls, result } satisfies Run
      } catch (error) {
        assert.fail(explain(error))
      }
    }

    describe('checks', () => {
      test(
        'stores the four events of the workflow, in order, in the store ' +
          'it is given',
        async () => {
          const { store, calls } = await run()
          const { events } = await store.getEvents('task-1', 'Task')
          const stored = listEvents(events)
          const never = calls.includes('append') ? '' : ', never appended to'
          if (events.length === 0)
            assert.fail(
              'The store given to runTaskWorkflow() holds no event of ' +
                `task-1${never}: make the repository on \`store\`, the ` +
                'argument, and save() the task.',
            )
          if (stored === 'v1 TaskCreated, v2 TaskAssigned')
            assert.fail(
              `The store holds ${stored}, and nothing after: the events of ` +
                'reassign() and complete() were never stored. save() the ' +
                'loaded task after them.',
            )
          assert.equal(
            stored,
            WORKFLOW,
            `The store holds ${stored}; the workflow stores ${WORKFLOW}`,
          )
        },
      )

      test(
        'loads the task back by its id before changing it ' +
          '(a later request has only the id)',
        async () => {
          const { calls } = await run()
          const saves = calls.filter((call) => call === 'append').length
          assert.ok(
            saves >= 2,
            `runTaskWorkflow() saved ${saves} time${saves === 1 ? '' : 's'}: ` +
              'save the new task after assign(), then load it, and save ' +
              'it again after complete().',
          )
          const between = calls.slice(
            calls.indexOf('append') + 1,
            calls.lastIndexOf('append'),
          )
          assert.ok(
            between.includes('read'),
            'runTaskWorkflow() went from its first save to its last without ' +
              'reading the task from the store: load it with ' +
              'repository.load(taskId), and run reassign() and complete() ' +
              'on the task that gives. A later request has only the id, ' +
              'not the object you created.',
          )
        },
      )

      test(
        'returns the task as stored: version 4, reassigned to and ' +
          'completed by bob, nothing left to save',
        async () => {
          const { store, result } = await run()
          const { task } = result
          assert.ok(
            typeof task?.version === 'number',
            'runTaskWorkflow() must return { task, events }, with task ' +
              `the TaskAggregate loaded at the end; task is ${quoted(task)}.`,
          )
          assert.equal(
            task.version,
            4,
            `the task returned is at version ${task.version}: return the ` +
              'task loaded after the last save',
          )
          assert.equal(
            task.uncommittedEvents.length,
            0,
            'the task returned has uncommitted events: return the task ' +
              'loaded after the last save, which has nothing left to save',
          )
          assert.deepEqual(
            task.state,
            (await taskRepository(store).load('task-1')).state,
            'the task returned must have the state stored',
          )
          assert.deepEqual(
            task.state,
            {
              title: TITLE,
              description: DESCRIPTION,
              status: 'completed',
              assignee: 'bob',
              completedBy: 'bob',
            },
            'the task must be created as TITLE with DESCRIPTION, assigned ' +
              "to alice, then reassign('bob') and complete('bob')",
          )
        },
      )

      test(
        'returns the events of the stream, as the store holds them, ' +
          'oldest first',
        async () => {
          const { store, result } = await run()
          const { events } = await store.getEvents('task-1', 'Task')
          const returned = result.events ?? []
          assert.ok(
            returned.length > 0,
            'runTaskWorkflow() returned no events. save() empties a ' +
              "task's uncommittedEvents, and a loaded task starts with " +
              'none: the stored events are in the store. Read them with ' +
              "store.getEvents(taskId, 'Task').",
          )
          assert.deepEqual(
            returned.map((event) => event.eventId),
            events.map((event) => event.eventId),
            `runTaskWorkflow() returned ${listEvents(returned)}; the ` +
              `stream holds ${listEvents(events)}. Return the events of ` +
              "store.getEvents(taskId, 'Task').",
          )
        },
      )

      test(
        'works for any id on the store it is given: two tasks, ' +
          'two streams',
        async () => {
          const store = new InMemoryEventStore()
          await run('task-a', store)
          await run('task-b', store)
          for (const taskId of ['task-a', 'task-b']) {
            const { events } = await store.getEvents(taskId, 'Task')
            assert.equal(
              listEvents(events),
              WORKFLOW,
              'after a run for task-a and one for task-b on one store, ' +
                `the stream of ${taskId} holds ${listEvents(events)}: ` +
                'each run stores its four events under the taskId it is ' +
                'given, in the store it is given',
            )
          }
        },
      )
    })
  })
}
