/**
 * The browser stand-ins of the site's runner (.vitepress/runner/shims) against Node's own modules: a
 * checker in the page must judge an answer as it does under `npm run verify`.
 */
import * as nodeAssert from 'node:assert/strict'
import * as nodeUtil from 'node:util'
import { describe, expect, it } from 'vitest'
import assert from '../../.vitepress/runner/shims/assert.ts'
import {
  inspect,
  isDeepStrictEqual,
} from '../../.vitepress/runner/shims/util.ts'
import {
  describe as pageDescribe,
  runCollected,
  test as pageTest,
  type TestResult,
} from '../../.vitepress/runner/shims/vitest.ts'

class Card {
  constructor(readonly title: string) {}
}

/** Pairs of values, some deep-equal and some not, that answers and checkers compare. */
const pairs: [string, unknown, unknown][] = [
  ['equal maps', new Map([['a', 1]]), new Map([['a', 1]])],
  [
    'maps that differ',
    new Map([['a', new Date(1)]]),
    new Map([['a', new Date(2)]]),
  ],
  ['sets that differ', new Set([1, 2]), new Set([1, 3])],
  ['equal nested objects', { a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }],
  ['a number and its string', { a: 1 }, { a: '1' }],
  ['a class and a plain object', new Card('x'), { title: 'x' }],
  ['a missing and an undefined field', {}, { a: undefined }],
  ['arrays of another length', [1, 2], [1, 2, 3]],
]

describe('the runner’s node:util and node:assert/strict', () => {
  it.each(pairs)('judge %s as Node does', (_what, a, b) => {
    const equal = nodeUtil.isDeepStrictEqual(a, b)
    expect(isDeepStrictEqual(a, b)).toBe(equal)
    const nodeThrows = (() => {
      try {
        nodeAssert.deepEqual(a, b)
        return false
      } catch {
        return true
      }
    })()
    expect(nodeThrows).toBe(!equal)
    if (equal) assert.deepEqual(a, b)
    else expect(() => assert.deepEqual(a, b)).toThrow(assert.AssertionError)
  })

  it('shows values on one line as Node does', () => {
    const values = [
      { id: 'a', tags: ['x', 'y'], nested: { n: 1 } },
      new Map([['alice', 2]]),
      new Set(['x']),
      [],
      {},
      new Card('Write'),
      "it's",
      12n,
    ]
    for (const value of values)
      expect(inspect(value)).toBe(
        nodeUtil.inspect(value, { breakLength: Infinity, compact: true }),
      )
  })

  it('keeps the message a checker gives, and throws, rejects and fails as Node does', async () => {
    expect(() => assert.equal(1, 2, 'one is not two')).toThrow('one is not two')
    expect(() => assert.ok(0)).toThrow(assert.AssertionError)
    expect(() => assert.fail('no')).toThrow('no')
    assert.throws(() => {
      throw new TypeError('bad')
    }, TypeError)
    expect(() => assert.throws(() => {})).toThrow('Missing expected exception')
    await assert.rejects(Promise.reject(new RangeError('far')), /far/)
  })
})

describe('the runner’s vitest', () => {
  it('collects async describe blocks in order, runs each test, and reports each outcome', async () => {
    pageDescribe('your answer', async () => {
      await Promise.resolve()
      pageDescribe('checks', () => {
        pageTest('passes', () => {})
        pageTest('fails', () => {
          throw new Error('it broke')
        })
        pageTest('never settles', () => new Promise(() => {}))
      })
    })
    const results: TestResult[] = []
    await runCollected((result) => results.push(result), 50)
    expect(results).toEqual([
      { path: ['your answer', 'checks'], name: 'passes', passed: true },
      {
        path: ['your answer', 'checks'],
        name: 'fails',
        passed: false,
        message: 'it broke',
      },
      {
        path: ['your answer', 'checks'],
        name: 'never settles',
        passed: false,
        message: 'Test timed out in 50ms.',
      },
    ])
  })
})
