/** Known wrong answers to 12-3: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'restarts-from-zero',
    what: 'saves the checkpoint but never loads it: every run starts at 0',
    replace: [['let position = await checkpoint.load()', 'let position = 0']],
    fails: ['resumes from the checkpoint'],
  },
  {
    name: 'checkpoint-first',
    what: 'saves the checkpoint before the batch is written',
    replace: [
      [
        '    for (const run of streamRuns(batch)) {',
        `    await checkpoint.save(batch.at(-1)!.globalPosition)
    for (const run of streamRuns(batch)) {`,
      ],
      ['await checkpoint.save(position) //', '//'],
    ],
    fails: ['resumes from the checkpoint'],
  },
  {
    name: 'expected-any',
    what: 'appends with ExpectedVersion.ANY, so differing streams merge',
    replace: [
      ['expectedVersion: first.aggregateVersion - 1,', 'expectedVersion: -1,'],
    ],
    fails: ['never merged'],
  },
  {
    name: 'off-by-one',
    what: 'reads from checkpoint + 1, as if fromPosition were inclusive',
    replace: [['fromPosition: position,', 'fromPosition: position + 1,']],
    fails: ['copies every event'],
    says: ['skipped the event at global position 1', 'fromPosition'],
  },
  {
    name: 'ids-only-checksum',
    what: 'a checksum of event ids only, blind to a changed payload',
    replace: [
      [
        'hash.update(`${JSON.stringify(stored.event)}\\n`)',
        'hash.update(stored.event.eventId)',
      ],
    ],
    fails: ['checksum() changes'],
  },
  {
    name: 'never-ends',
    what: 'an empty batch does not end the loop, which then never ends',
    replace: [
      [
        'if (batch.length === 0) return { copied, lastPosition: position }',
        'if (batch.length === 0) continue',
      ],
    ],
    fails: [],
    hangs: true,
  },
] satisfies Mistake[]
