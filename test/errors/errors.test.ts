import { describe, expect, it } from 'vitest'
import {
  DatabaseBusyError,
  EventProcessingError,
  EventSourceError,
  isEventSourceError,
  OptimisticLockError,
  StoreConnectionError,
  StoreError,
} from 'eventsource-ts'

describe('error codes', () => {
  it('every error carries the stable code of its kind', () => {
    const conflict = new OptimisticLockError('n-1', 'Note', 0, 3)
    expect(conflict.code).toBe('OPTIMISTIC_LOCK')
    expect(OptimisticLockError.code).toBe('OPTIMISTIC_LOCK')
    expect(new StoreConnectionError('x').code).toBe('STORE_CONNECTION')
    expect(new EventSourceError('x').code).toBe('EVENTSOURCE')
  })

  it('isEventSourceError matches a kind and its subclasses, nothing else', () => {
    const busy = new DatabaseBusyError('locked')
    expect(isEventSourceError(busy)).toBe(true)
    expect(isEventSourceError(busy, StoreError)).toBe(true)
    expect(isEventSourceError(busy, DatabaseBusyError)).toBe(true)
    expect(isEventSourceError(busy, StoreConnectionError)).toBe(false)
    expect(isEventSourceError(new Error('plain'))).toBe(false)
    expect(isEventSourceError('OPTIMISTIC_LOCK')).toBe(false)
    expect(isEventSourceError(null)).toBe(false)
  })

  it('holds for an error of another copy of the library, where instanceof fails', () => {
    // Another copy: the same class names and codes, other class objects.
    class CopiedRoot extends Error {
      static readonly code: string = 'EVENTSOURCE'
    }
    class CopiedConflict extends CopiedRoot {
      static override readonly code: string = 'OPTIMISTIC_LOCK'
    }
    const foreign: unknown = new CopiedConflict('conflict')
    expect(foreign instanceof OptimisticLockError).toBe(false)
    expect(isEventSourceError(foreign, OptimisticLockError)).toBe(true)
    if (isEventSourceError(foreign, OptimisticLockError)) {
      // narrowed: the compiler knows the conflict's fields
      expect(typeof foreign.message).toBe('string')
    }
  })

  it("quotes a cause's message within its own sentences, without doubling a period", () => {
    const cause = new Error('No address for carol: add one to the directory.')
    const error = new EventProcessingError(
      'notices',
      8,
      'TaskReassigned',
      3,
      'dead-lettered',
      cause,
    )
    expect(error.message).toContain(
      '(3 attempts): No address for carol: add one to the directory. The event was recorded',
    )
    expect(error.cause).toBe(cause)
  })
})
