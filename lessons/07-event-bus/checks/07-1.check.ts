/** Checks exercise 07-1 (repository, bus and a task list). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  EventPublishError,
  InMemoryEventBus,
  InMemoryEventStore,
} from 'eventsource-ts'
import {
  TaskAggregate,
  TaskCompleted,
  TaskReopened,
} from '../../03-first-aggregate/tasks.ts'
import { shown } from '../../shown.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer = typeof import('../../../solutions/07-event-bus/07-1-task-list.ts')
type App = ReturnType<Answer['wireTaskList']>

const TITLE = 'Complete exercise 07-1'

/** Why a save through the answer's repository failed, and what to do. */
function explainSave(error: unknown, after: string): string {
  const threw =
    `Saving the task after ${after}, save() rejected with ` +
    `${quoted(error)}.`
  if (error instanceof EventPublishError)
    return (
      `${threw} The task is stored, but a handler of your list threw: ` +
      'a handler changes the item of its task, and an event whose task ' +
      'has no item changes nothing.'
    )
  return threw
}

for (const target of await checkTargets('07-1')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { wireTaskList, TaskList } = loaded.module

    /**
     * The answer's app on a new store, with task-1 created and saved
     * through it; fails, saying what is not wired, unless the list has it.
     */
    async function created(): Promise<App> {
      const store = new InMemoryEventStore()
      await store.initialize()
      const app: App = wireTaskList(store)
      assert.ok(
        app?.bus instanceof InMemoryEventBus,
        'wireTaskList() must return { bus, tasks, list }, with bus the ' +
          `InMemoryEventBus the repository publishes to; bus is ` +
          `${quoted(app?.bus)}.`,
      )
      const published: string[] = []
      app.bus.subscribeAll((event) => {
        published.push(event.eventType)
      })
      await run(app, 'create()', (task) => task.create(TITLE))
      if ((await store.getStreamVersion('task-1', 'Task')) === 0)
        assert.fail(
          'tasks.save() stored nothing in the store given to ' +
            'wireTaskList(): make the repository with eventStore: store.',
        )
      if (published.length === 0)
        assert.fail(
          'The save stored TaskCreated, and the repository published ' +
            'nothing to the bus you returned: give the repository ' +
            'eventPublisher: bus, so that each save() publishes its ' +
            'events there.',
        )
      if (app.list.size === 0)
        assert.fail(
          'The repository published TaskCreated to the bus, and the ' +
            'list did not hear it: subscribe the list you return to ' +
            'that same bus (list.subscribeTo(bus)), and give it a ' +
            'TaskCreated handler that adds an item.',
        )
      return app
    }

    /** Loads task-1, runs `command` on it, and saves it. */
    async function run(
      app: App,
      after: string,
      command: (task: TaskAggregate) => void,
    ): Promise<void> {
      const task = await app.tasks.loadOrCreate('task-1')
      command(task)
      try {
        await app.tasks.save(task)
      } catch (error) {
        assert.fail(explainSave(error, after))
      }
    }

    /** Fails unless the list's item of task-1 is `expected`. */
    function assertItem(
      app: App,
      expected: object,
      saved: string,
      fix = '',
    ): void {
      const item = app.list.get('task-1')
      assert.deepEqual(
        item,
        expected,
        `After the saves of ${saved}, list.get('task-1') is ` +
          `${shown(item)}; expected ${shown(expected)}.${fix && ` ${fix}`}`,
      )
    }

    describe('checks', () => {
      test(
        "once a task's creation is saved, the list has it, with its " +
          'title, pending',
        async () => {
          const app = await created()
          assertItem(app, { title: TITLE, status: 'pending' }, 'create()')
        },
      )

      test(
        'once the task is loaded, completed and saved, the list shows it ' +
          'completed, its title kept',
        async () => {
          const app = await created()
          await run(app, 'complete()', (task) => task.complete('alice'))
          assertItem(
            app,
            { title: TITLE, status: 'completed' },
            'create() and complete()',
            'A TaskCompleted handler changes the status of the item of ' +
              'its task, and keeps its title.',
          )
        },
      )

      test('a reopened task is pending in the list again', async () => {
        const app = await created()
        await run(app, 'complete()', (task) => task.complete('alice'))
        await run(app, 'reopen()', (task) => task.reopen('bob'))
        assertItem(
          app,
          { title: TITLE, status: 'pending' },
          'create(), complete() and reopen()',
          'A TaskReopened handler makes the item pending again.',
        )
      })

      test(
        'other events, and events of tasks it never saw created, change ' +
          'nothing',
        async () => {
          const app = await created()
          await run(app, 'assign() and reassign()', (task) => {
            task.assign('alice')
            task.reassign('bob')
          })
          // Published by hand: a task the list never saw created.
          const completed = new TaskCompleted({
            aggregateId: 'ghost',
            aggregateVersion: 2,
            completedBy: 'alice',
          })
          try {
            await app.bus.publish([completed])
          } catch (error) {
            assert.fail(
              'A TaskCompleted of a task the list has no item for made ' +
                `your handler throw: ${quoted(error)}. Change the item ` +
                'only when the list has one.',
            )
          }
          assert.equal(
            app.list.get('ghost'),
            undefined,
            'After a TaskCompleted of a task whose creation the list never ' +
              "heard, list.get('ghost') is " +
              `${shown(app.list.get('ghost'))}; expected undefined: the ` +
              'list keeps the tasks it saw created.',
          )
          assertItem(
            app,
            { title: TITLE, status: 'pending' },
            'create(), assign() and reassign()',
          )
        },
      )

      test(
        'the function subscribeTo() returns ends every subscription of ' +
          'the list',
        async () => {
          const bus = new InMemoryEventBus()
          const list = new TaskList()
          const stop: unknown = list.subscribeTo(bus)
          assert.equal(
            typeof stop,
            'function',
            `subscribeTo() returned ${quoted(stop)}: return a function ` +
              'that ends the subscriptions (an Unsubscribe).',
          )
          const task = new TaskAggregate('task-1')
          task.create(TITLE)
          task.complete('alice')
          await bus.publish(task.uncommittedEvents)
          ;(stop as () => void)()
          const later = new TaskAggregate('task-2')
          later.create('After the end')
          const reopened = new TaskReopened({
            aggregateId: 'task-1',
            aggregateVersion: 3,
            reopenedBy: 'bob',
          })
          await bus.publish([...later.uncommittedEvents, reopened])
          const stillHeard = [
            list.get('task-2') && 'a TaskCreated (task-2 has an item)',
            list.get('task-1')?.status === 'pending' &&
              'a TaskReopened (task-1 is pending again)',
          ].filter(Boolean)
          assert.deepEqual(
            stillHeard,
            [],
            'After the function subscribeTo() returned was called, the ' +
              `list still heard ${stillHeard.join(' and ')}. It must end ` +
              'all three subscriptions, each with the Unsubscribe its ' +
              'subscribe() returned.',
          )
        },
      )

      test('each wireTaskList() has a bus and a list of its own', async () => {
        const second = wireTaskList(new InMemoryEventStore())
        await created() // another app, on another store
        assert.equal(
          second.list.size,
          0,
          'A task saved through one wireTaskList() app showed up in the ' +
            "list of another, on another store: make each app's bus and " +
            'list inside wireTaskList(), not once for the whole module.',
        )
      })
    })
  })
}
