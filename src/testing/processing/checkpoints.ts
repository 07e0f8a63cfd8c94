import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from '../../errors.ts'
import type { Harness } from './harness.ts'

export function describeCheckpoints(h: Harness): void {
  describe('checkpoints', () => {
    it('are 0 until saved; savePosition replaces, resetPosition forgets, and each name is its own', async () => {
      const checkpoints = h.target.checkpoints(h.store)
      expect(await checkpoints.getPosition('a')).toBe(0)
      await checkpoints.savePosition('a', 42)
      await checkpoints.savePosition('b', 7)
      expect(await checkpoints.getPosition('a')).toBe(42)
      await checkpoints.savePosition('a', 43)
      expect(await checkpoints.getPosition('a')).toBe(43)
      await checkpoints.resetPosition('a')
      expect(await checkpoints.getPosition('a')).toBe(0)
      expect(await checkpoints.getPosition('b')).toBe(7)
    })

    it('refuse a bad name or position with InvalidArgumentError, saving nothing', async () => {
      const checkpoints = h.target.checkpoints(h.store)
      await expect(checkpoints.getPosition('')).rejects.toThrow(
        InvalidArgumentError,
      )
      for (const position of [-1, 1.5, '3', Number.NaN] as number[])
        await expect(checkpoints.savePosition('a', position)).rejects.toThrow(
          /position must be an integer of 0 or more/,
        )
      expect(await checkpoints.getPosition('a')).toBe(0)
    })

    it('live in the store’s database: another connection reads them', async (context) => {
      if (!h.target.connect) return context.skip()
      await h.target.checkpoints(h.store).savePosition('shared', 12)
      const other = await h.connect()
      expect(await h.target.checkpoints(other).getPosition('shared')).toBe(12)
    })
  })
}
