import { describe, expect, it } from 'vitest'
import {
  InvalidArgumentError,
  Projection,
  type StoredEvent,
} from 'eventsource-ts'
import { NoteCreated, NoteUpdated } from '../support/notes.ts'

const stored = <E extends NoteCreated | NoteUpdated>(
  event: E,
  globalPosition: number,
): StoredEvent<E> => ({
  event,
  globalPosition,
  streamPosition: event.aggregateVersion,
  storedAt: new Date(),
})

class NoteCount extends Projection {
  readonly name = 'note-count'
  count = 0
  titles: string[] = []
  constructor() {
    super()
    this.on(NoteCreated, (event, { globalPosition }) => {
      this.count++
      this.titles.push(`${event.title}@${globalPosition}`)
    })
  }
  override reset() {
    this.count = 0
    this.titles = []
  }
}

describe('Projection', () => {
  it('hands each event to the handler of its class, typed, and ignores other types', async () => {
    const projection = new NoteCount()
    expect(projection.eventTypes).toEqual(['NoteCreated'])
    await projection.handle(
      stored(
        new NoteCreated({ aggregateId: 'n1', title: 'A', content: '' }),
        1,
      ),
    )
    await projection.handle(
      stored(
        new NoteUpdated({
          aggregateId: 'n1',
          aggregateVersion: 2,
          content: 'x',
        }),
        2,
      ),
    )
    expect(projection.count).toBe(1)
    expect(projection.titles).toEqual(['A@1'])
    projection.reset()
    expect(projection.count).toBe(0)
  })

  it('awaits an asynchronous handler before handle resolves', async () => {
    class Slow extends Projection {
      readonly name = 'slow'
      done = false
      constructor() {
        super()
        this.on(NoteCreated, async () => {
          await new Promise((resolve) => setTimeout(resolve, 5))
          this.done = true
        })
      }
    }
    const slow = new Slow()
    await slow.handle(
      stored(
        new NoteCreated({ aggregateId: 'n1', title: 'A', content: '' }),
        1,
      ),
    )
    expect(slow.done).toBe(true)
  })

  it('refuses a second handler for a class, a non-class and a non-function', () => {
    const register = (...args: unknown[]) =>
      new (class extends Projection {
        readonly name = 'bad'
        constructor() {
          super()
          ;(this.on as (...a: unknown[]) => unknown)(...args)
          this.on(NoteCreated, () => undefined)
        }
      })()
    expect(() => register(NoteCreated, () => undefined)).toThrow(
      /already has a handler for NoteCreated/,
    )
    expect(() => register('NoteCreated', () => undefined)).toThrow(
      InvalidArgumentError,
    )
    expect(() => register(NoteUpdated, 'nope')).toThrow(
      /handler must be a function/,
    )
  })
})
