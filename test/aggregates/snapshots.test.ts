import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AggregateRepository,
  InMemoryEventStore,
  InMemorySnapshotStore,
  InvalidArgumentError,
  SnapshotError,
  type JsonValue,
  type Snapshot,
} from 'eventsource-ts'
import {
  NoteAggregate,
  notesRegistry,
  type NoteState,
} from '../support/notes.ts'

const openStore = async () => {
  const store = new InMemoryEventStore({ eventRegistry: notesRegistry })
  await store.initialize()
  return store
}

/** The Note aggregate at state schema version 2: version-1 snapshots no longer fit it. */
class NoteV2 extends NoteAggregate {
  static override readonly schemaVersion = 2
}

/** Checks a snapshot's state as a careful aggregate does: what does not fit is refused. */
class StrictNote extends NoteAggregate {
  protected override deserializeState(state: JsonValue): NoteState {
    const { noteId, title, content } = (state ?? {}) as Partial<NoteState>
    if (
      typeof title !== 'string' ||
      typeof content !== 'string' ||
      noteId !== this.aggregateId
    )
      throw new Error('not a note state')
    return { noteId, title, content }
  }
}

describe('snapshots', () => {
  it('a load through a snapshot equals a full replay, for any history, threshold and batch sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 12 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 15 }),
        async (batches, threshold) => {
          const store = await openStore()
          const snapshots = new InMemorySnapshotStore()
          const withSnapshots = new AggregateRepository({
            eventStore: store,
            aggregateFactory: NoteAggregate,
            snapshotStore: snapshots,
            snapshotThreshold: threshold,
          })
          const plain = new AggregateRepository({
            eventStore: store,
            aggregateFactory: NoteAggregate,
          })
          const note = withSnapshots.createNew('n1')
          let expectedSnapshot = 0
          for (const [batch, size] of batches.entries()) {
            const before = note.version
            for (let i = 0; i < size; i++)
              if (note.version === 0) note.create('T', 'first')
              else note.update(`batch ${batch}, event ${i}`)
            await withSnapshots.save(note)
            // A save that crosses a multiple of the threshold snapshots, even when it jumps over it.
            if (
              Math.floor(note.version / threshold) >
              Math.floor(before / threshold)
            )
              expectedSnapshot = note.version
            expect((await snapshots.get('n1', 'Note'))?.version ?? 0).toBe(
              expectedSnapshot,
            )
            const [fromSnapshot, replayed] = [
              await withSnapshots.load('n1'),
              await plain.load('n1'),
            ]
            expect(fromSnapshot.version).toBe(replayed.version)
            expect(fromSnapshot.state).toEqual(replayed.state)
          }
          await store.close()
        },
      ),
      { numRuns: 60 },
    )
  })

  it('ignore a snapshot of another schema version, one that cannot be restored, and one ahead of its stream', async () => {
    const store = await openStore()
    const snapshots = new InMemorySnapshotStore()
    const errors: SnapshotError[] = []
    const repository = (aggregateFactory: typeof NoteAggregate) =>
      new AggregateRepository({
        eventStore: store,
        aggregateFactory,
        snapshotStore: snapshots,
        snapshotThreshold: 1,
        onSnapshotError: (error) => void errors.push(error),
      })
    const v1 = repository(NoteAggregate)
    const note = v1.createNew('n1')
    note.create('T', 'a')
    note.update('b')
    await v1.save(note)
    const replayed = { noteId: 'n1', title: 'T', content: 'b' }
    const stored = (await snapshots.get('n1', 'Note'))!
    expect(stored).toMatchObject({
      version: 2,
      schemaVersion: 1,
      state: replayed,
    })

    // Another schema version: ignored without complaint (the state changed shape since).
    await snapshots.save({
      ...stored,
      state: { noteId: 'n1', title: 'stale', content: 'stale' },
    })
    const v2 = await repository(NoteV2).load('n1')
    expect(v2.state).toEqual(replayed)
    expect(errors).toEqual([])

    // A state the aggregate refuses: ignored and reported.
    await snapshots.save({ ...stored, state: { nonsense: true } })
    expect((await repository(StrictNote).load('n1')).state).toEqual(replayed)
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/could not be restored: not a note state/),
    ])

    // A snapshot ahead of the stream is of another history: the stream wins.
    await snapshots.save({ ...stored, version: 9 })
    const loaded = await v1.load('n1')
    expect(loaded.version).toBe(2)
    expect(loaded.state).toEqual(replayed)
    expect(errors[1]!.message).toMatch(
      /is at version 9, but the stream only at 2/,
    )
  })

  it('never fail a save: a snapshot that cannot be written is reported, and the events stand', async () => {
    const store = await openStore()
    const errors: SnapshotError[] = []
    const broken = new InMemorySnapshotStore()
    broken.save = async () => {
      throw new Error('disk full')
    }
    const repository = new AggregateRepository({
      eventStore: store,
      aggregateFactory: NoteAggregate,
      snapshotStore: broken,
      snapshotThreshold: 1,
      onSnapshotError: (error) => {
        errors.push(error)
        throw new Error('a reporting hook that throws changes nothing')
      },
    })
    const note = repository.createNew('n1')
    note.create('T', 'a')
    await repository.save(note)
    expect(await store.getStreamVersion('n1', 'Note')).toBe(1)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toBeInstanceOf(SnapshotError)
    expect(errors[0]!.message).toMatch(
      /could not be written: disk full\. The save itself succeeded/,
    )
  })

  it('createSnapshot writes one on demand, and refuses unsaved aggregates and state that is not JSON', async () => {
    const store = await openStore()
    const snapshots = new InMemorySnapshotStore()
    const repository = new AggregateRepository({
      eventStore: store,
      aggregateFactory: NoteAggregate,
      snapshotStore: snapshots,
    })
    const note = repository.createNew('n1')
    await expect(repository.createSnapshot(note)).rejects.toThrow(
      /has no events; save it first/,
    )
    note.create('T', 'a')
    await expect(repository.createSnapshot(note)).rejects.toThrow(
      /has unsaved events; save it first/,
    )
    await repository.save(note)
    expect(await snapshots.get('n1', 'Note')).toBeUndefined() // no threshold: only on demand
    const snapshot: Snapshot = await repository.createSnapshot(note)
    expect(await snapshots.get('n1', 'Note')).toEqual(snapshot)

    class DatedNote extends NoteAggregate {
      protected override serializeState(): JsonValue {
        return { ...this.state, savedAt: new Date() } as never
      }
    }
    const dated = new AggregateRepository({
      eventStore: store,
      aggregateFactory: DatedNote,
      snapshotStore: snapshots,
    })
    const loaded = await dated.load('n1')
    await expect(dated.createSnapshot(loaded)).rejects.toThrow(
      /its state is not JSON at savedAt.*Override serializeState\(\) and deserializeState\(\)/,
    )
    expect(
      () =>
        new AggregateRepository({
          eventStore: store,
          aggregateFactory: NoteAggregate,
          snapshotThreshold: 10,
        }),
    ).toThrow(/snapshotThreshold needs a snapshotStore/)
    expect(
      () =>
        new AggregateRepository({
          eventStore: store,
          aggregateFactory: NoteAggregate,
          snapshotStore: snapshots,
          snapshotThreshold: 0,
        }),
    ).toThrow(InvalidArgumentError)
    await expect(
      new AggregateRepository({
        eventStore: store,
        aggregateFactory: NoteAggregate,
      }).createSnapshot(loaded as never),
    ).rejects.toThrow(/has no snapshotStore/)
  })
})
