/**
 * Tests through a repository, on a real store: the fixtures of fixtures.ts
 * give each test a new one. The same tests run on the in-memory store and
 * on SQLite, one describe block each.
 */
import { describe, expect } from 'vitest'
import { OptimisticLockError } from 'eventsource-ts'
import { test, type Backend } from './fixtures.ts'

const backends: Backend[] = ['in-memory', 'sqlite']

// #region both-stores
describe.each(backends)('on the %s store', (backend) => {
  test.override({ backend }) // every test below gets this kind of store

  test('saves a task and loads it back', async ({ tasks }) => {
    const task = tasks.createNew('task-1')
    task.create('Integration test', 'Through a repository')
    await tasks.save(task)

    const loaded = await tasks.load('task-1')
    expect(loaded.state.title).toBe('Integration test')
    expect(loaded.version).toBe(1)
  })

  test('keeps the events of a task in order', async ({ tasks, eventStore }) => {
    const task = tasks.createNew('task-1')
    task.create('Lifecycle')
    task.assign('alice')
    task.complete('alice')
    await tasks.save(task)

    const { events } = await eventStore.getEvents('task-1', 'Task')
    expect(events.map((event) => event.eventType)).toEqual([
      'TaskCreated',
      'TaskAssigned',
      'TaskCompleted',
    ])
  })
  // #endregion both-stores

  // #region conflict
  test('refuses a stale writer with OptimisticLockError', async ({ tasks }) => {
    const task = tasks.createNew('task-1')
    task.create('Contended')
    await tasks.save(task)

    // Two writers load the task at version 1; the first saves
    const first = await tasks.load('task-1')
    const second = await tasks.load('task-1')
    first.assign('alice')
    await tasks.save(first)

    // The second still thinks the task is at version 1
    second.assign('bob')
    const saving = tasks.save(second)
    await expect(saving).rejects.toThrow(OptimisticLockError)
    await expect(saving).rejects.toMatchObject({
      expectedVersion: 1,
      actualVersion: 2,
    })
  })
  // #endregion conflict

  // #region isolated
  test('starts every test with an empty store', async ({ eventStore }) => {
    // The tests above all saved task-1: none of it is here
    expect(await eventStore.getGlobalPosition()).toBe(0)
  })
})
// #endregion isolated
