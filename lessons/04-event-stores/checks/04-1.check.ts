/** Checks exercise 04-1 (a stale expected version, caught and retried). */
import assert from 'node:assert/strict'
import { describe, test } from 'vitest'
import {
  EventRegistry,
  EventTypeNotFoundError,
  ExpectedVersion,
  InMemoryEventStore,
  OptimisticLockError,
  type AppendEventsInput,
  type AppendResult,
  type EventStore,
} from 'eventsource-ts'
import {
  TaskAssigned,
  TaskCompleted,
  TaskReassigned,
} from '../../03-first-aggregate/tasks.ts'
import { storeWithTask } from '../check-support.ts'
import { historyOf } from '../task-history.ts'
import {
  checkTargets,
  importTarget,
  quoted,
} from '../../../tools/workbook/check-targets.ts'

type Answer =
  typeof import('../../../solutions/04-event-stores/04-1-conflict-retry.ts')
type Completion = Awaited<ReturnType<Answer['completeTask']>>

const TASK = 'task-1'

/** Appends events to task-1 as another writer would, expecting nothing. */
async function write(store: EventStore, ...events: TaskAssigned[]) {
  await store.appendEvents({
    aggregateId: TASK,
    aggregateType: 'Task',
    events,
    expectedVersion: ExpectedVersion.ANY,
  })
}

const bobAssigns = () =>
  new TaskAssigned({ aggregateId: TASK, assignee: 'bob' })

/**
 * A store on which another writer cuts in just before an append: the one
 * after `cutInAfter` more.
 */
class BusyStore extends InMemoryEventStore {
  cutInAfter = Infinity

  override async appendEvents(input: AppendEventsInput): Promise<AppendResult> {
    if (this.cutInAfter-- === 0)
      await super.appendEvents({
        aggregateId: TASK,
        aggregateType: 'Task',
        events: [
          new TaskReassigned({
            aggregateId: TASK,
            previousAssignee: 'bob',
            newAssignee: 'carol',
          }),
        ],
        expectedVersion: ExpectedVersion.ANY,
      })
    return super.appendEvents(input)
  }
}

for (const target of await checkTargets('04-1')) {
  describe(target.label, async () => {
    const loaded = await importTarget<Answer>(target)
    if ('error' in loaded) {
      describe('checks', () =>
        test('the file loads', () => Promise.reject(loaded.error)))
      return
    }
    const { completeTask } = loaded.module

    /**
     * What completeTask() did, as "returned { … }" or "threw …", and the
     * error it threw, if any.
     */
    async function outcome(
      call: Promise<Completion>,
    ): Promise<{ said: string; error?: unknown }> {
      try {
        const { conflict, newVersion } = await call
        const name = conflict ? conflict.name : 'null'
        return {
          said: `returned { conflict: ${name}, newVersion: ${newVersion} }`,
        }
      } catch (error) {
        return { said: `threw ${quoted(error)}`, error }
      }
    }

    describe('checks', () => {
      test(
        'a stream still at seenVersion takes the TaskCompleted at once, ' +
          'with no conflict',
        async () => {
          await using store = await storeWithTask(TASK)
          const completion = await completeTask(store, TASK, 'alice', 1)
          const history = await historyOf(store, TASK)
          assert.equal(
            history,
            'v1 TaskCreated, v2 TaskCompleted',
            `completeTask(store, '${TASK}', 'alice', 1) on a task at ` +
              `version 1 must append one TaskCompleted; the stream holds ` +
              `${history}`,
          )
          assert.deepEqual(
            completion,
            { conflict: null, newVersion: 2 },
            'with no other writer, completeTask() must return ' +
              "{ conflict: null, newVersion: 2 } (the append result's " +
              'newVersion)',
          )
          const { events } = await store.getEvents(TASK, 'Task')
          const completed = events[1]
          assert.ok(
            completed instanceof TaskCompleted &&
              completed.completedBy === 'alice',
            'the TaskCompleted must name who completed it: completedBy',
          )
        },
      )

      test(
        'a stale seenVersion is refused first: the conflict is the ' +
          'OptimisticLockError, with the versions expected and found',
        async () => {
          await using store = await storeWithTask(TASK)
          await write(store, bobAssigns()) // Bob writes version 2
          const { conflict } = await completeTask(store, TASK, 'alice', 1)
          assert.ok(
            conflict instanceof OptimisticLockError,
            'Alice saw version 1, but Bob has written version 2 since: ' +
              'her append, expecting 1, must be refused with an ' +
              'OptimisticLockError, and completeTask() must return that ' +
              `error as its conflict; it returned ${quoted(conflict)}. ` +
              'Append expecting seenVersion first, not ExpectedVersion.ANY.',
          )
          assert.equal(conflict.expectedVersion, 1)
          assert.equal(conflict.actualVersion, 2)
        },
      )

      test(
        'after a conflict, the retry appends the TaskCompleted after the ' +
          "other writer's event, which is kept",
        async () => {
          await using store = await storeWithTask(TASK)
          await write(store, bobAssigns())
          const { newVersion } = await completeTask(store, TASK, 'alice', 1)
          const history = await historyOf(store, TASK)
          assert.equal(
            history,
            'v1 TaskCreated, v2 TaskAssigned, v3 TaskCompleted',
            "after Bob's TaskAssigned at version 2, Alice's retry must " +
              `append her TaskCompleted as version 3; the stream holds ` +
              `${history}`,
          )
          assert.equal(
            newVersion,
            3,
            "completeTask() must return the retry's newVersion, 3",
          )
        },
      )

      test(
        'the retry expects the version the error found, however far the ' +
          'stream moved',
        async () => {
          await using store = await storeWithTask(TASK)
          await write(store, bobAssigns(), bobAssigns()) // versions 2 and 3
          let completion
          try {
            completion = await completeTask(store, TASK, 'alice', 1)
          } catch (error) {
            assert.fail(
              'Alice saw version 1, and Bob has written versions 2 and 3 ' +
                `since. Her retry threw ${quoted(error)}: retry expecting ` +
                "the error's actualVersion (3), the version the stream " +
                'is at, not seenVersion + 1.',
            )
          }
          assert.equal(completion.newVersion, 4)
          assert.equal(
            await historyOf(store, TASK),
            'v1 TaskCreated, v2 TaskAssigned, v3 TaskAssigned, ' +
              'v4 TaskCompleted',
          )
        },
      )

      test(
        'the retry is checked too: when the stream moves again before it, ' +
          'it throws OptimisticLockError, and nothing is forced in',
        async () => {
          const busy = new BusyStore()
          await using store = await storeWithTask(TASK, busy)
          await write(store, bobAssigns())
          busy.cutInAfter = 1 // Alice's first append goes, then Bob cuts in
          const { said, error } = await outcome(
            completeTask(store, TASK, 'alice', 1),
          )
          const history = await historyOf(store, TASK)
          assert.ok(
            error instanceof OptimisticLockError &&
              !history.includes('TaskCompleted'),
            "Bob wrote version 2, then, just before Alice's retry, " +
              'version 3. Her retry must expect version 2 (the version ' +
              'the error found) and be refused in turn with an ' +
              `OptimisticLockError; completeTask() ${said}, and the ` +
              `stream holds ${history}. A retry with ExpectedVersion.ANY ` +
              'writes on top of changes nobody has looked at.',
          )
        },
      )

      test(
        'an error that is not a conflict comes out as it is, ' + 'not retried',
        async () => {
          // A store whose registry does not know TaskCompleted.
          await using store = new InMemoryEventStore({
            eventRegistry: new EventRegistry(),
          })
          await store.initialize()
          const { said, error } = await outcome(
            completeTask(store, TASK, 'alice', 0),
          )
          assert.ok(
            error instanceof EventTypeNotFoundError,
            'On a store that does not know TaskCompleted, the append ' +
              'throws an EventTypeNotFoundError, which must come out of ' +
              `completeTask() as it is; it ${said}. Catch ` +
              'only OptimisticLockError (instanceof), and rethrow every ' +
              'other error: a retry cannot fix it.',
          )
        },
      )
    })
  })
}
