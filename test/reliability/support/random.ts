/**
 * Seeded randomness for the reliability tests, so a failure can be replayed: every test prints its seed
 * when it fails, and `RELIABILITY_SEED=<seed> npx vitest run test/reliability` runs the same choices again
 * (with `RELIABILITY_SOAK=1` as well for a failure of the soak, which runs the tests at full size: see `soak.ts`).
 */
export const seed = Number(process.env.RELIABILITY_SEED ?? 20_251_124)

/** A small, fast PRNG (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(start: number): () => number {
  let state = start >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** An integer in [min, max]. */
export function randomInt(
  random: () => number,
  min: number,
  max: number,
): number {
  return min + Math.floor(random() * (max - min + 1))
}
