/**
 * Replay: a task rebuilt from its events has the live task's state, and
 * replaying runs no rule.
 */
import { isDeepStrictEqual } from 'node:util'
import type { DomainEvent } from 'eventsource-ts'
import {
  TaskAggregate,
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
  TaskReassigned,
} from '../tasks.ts'

export default function replay(): void {
  // #region save
  const live = new TaskAggregate('task-3')
  live.create('Port lesson 3', 'From the Python original')
  live.assign('alice')
  live.complete('alice')

  // What a repository does on save (lesson 5): it stores the uncommitted
  // events, then marks them committed. An array stands in for the store.
  const stored: DomainEvent[] = [...live.uncommittedEvents]
  live.markEventsAsCommitted()
  console.log(
    `Stored ${stored.length} events; the live task is at version ` +
      `${live.version}, with ${live.uncommittedEvents.length} uncommitted`,
  )
  // #endregion save

  // #region load
  // What a repository does on load: a new aggregate, and its history
  // replayed. loadFromHistory() applies each event and records none.
  const loaded = new TaskAggregate('task-3')
  loaded.loadFromHistory(stored)
  console.log(
    `Rebuilt from history: version ${loaded.version}, ` +
      `status ${loaded.state.status}, ` +
      `${loaded.uncommittedEvents.length} uncommitted`,
  )
  const same = isDeepStrictEqual(loaded.state, live.state)
  console.log(`Same state as the live task: ${same}`)

  // It goes on from where its history ends.
  loaded.reopen('bob')
  const [next] = loaded.uncommittedEvents
  console.log(
    `reopen() raises v${next?.aggregateVersion} ${next?.eventType}, ` +
      'the one event to save next time',
  )
  // #endregion load

  // #region old-history
  // Rules change; history does not. This task was reassigned after it was
  // completed, before the rule that forbids it was written. Replay applies
  // what happened, and checks no rule.
  const aggregateId = 'task-4'
  const history = [
    new TaskCreated({ aggregateId, title: 'Old task', description: '' }),
    new TaskAssigned({ aggregateId, aggregateVersion: 2, assignee: 'alice' }),
    new TaskCompleted({
      aggregateId,
      aggregateVersion: 3,
      completedBy: 'alice',
    }),
    new TaskReassigned({
      aggregateId,
      aggregateVersion: 4,
      previousAssignee: 'alice',
      newAssignee: 'bob',
    }),
  ]
  const old = new TaskAggregate(aggregateId)
  old.loadFromHistory(history)
  const { status, assignee } = old.state
  console.log(
    "History that today's rules refuse still loads: " +
      `v${old.version}, ${status}, assignee ${assignee}`,
  )
  // #endregion old-history
}
