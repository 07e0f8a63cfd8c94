/** Lesson 10 runs as a learner runs it, and prints what the lesson teaches. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCourse } from '../../tools/workbook/course.ts'
import {
  ANSI,
  expectEverySectionRan,
  npmRun,
  type CommandResult,
} from './run-workbook.ts'

const lesson = (await loadCourse()).lessons.find((l) => l.number === 10)!
const learnerDir = mkdtempSync(join(tmpdir(), 'learner-'))
afterAll(() => rmSync(learnerDir, { recursive: true, force: true }))

/** The lesson's own temp directories, for its SQLite files. */
const lessonTempDirs = () =>
  readdirSync(tmpdir()).filter((entry) => entry.startsWith('lesson-10-'))

/** What the learner must see, by what it shows. */
const shows: Record<string, string[]> = {
  'a checkpoint read, saved after the events after it, and reset': [
    'No checkpoint yet: 0',
    'Checkpoint 0: read 1 to 40, saved checkpoint 40\n  revenue: 40 orders, 1499.12 EUR',
    'Checkpoint 40: nothing after it, saved checkpoint 40',
    'Checkpoint 40: read 41 to 43, saved checkpoint 43\n  revenue: 43 orders, 1576.52 EUR',
    'resetPosition(), reset(): checkpoint 0\n  revenue: 0 orders, 0.00 EUR\nCheckpoint 0: read 1 to 43',
  ],
  'a run stopped halfway, with its lag while catching up, and the next run resuming after its checkpoint, counting each order once':
    [
      'First run, shut down after 25 orders:\n  started from checkpoint 0\n  checkpoint 10 saved: catching-up, lag 30\n  checkpoint 20 saved: catching-up, lag 20\n  checkpoint 25 saved: catching-up, lag 15\n  stopped at position 25, lag 15\nRevenue: 25 orders, 936.95 EUR',
      'Two more orders; the second run:\n  started from checkpoint 25\n  checkpoint 35 saved: catching-up, lag 7\n  checkpoint 42 saved: catching-up, lag 0\n  live at position 42, lag 0\nRevenue: 42 orders, 1564.02 EUR, as in the log',
    ],
  'a checkpoint that outlived its read model, and the two kept together': [
    'Restarted: the checkpoint is there, the revenue is not:\n  started from checkpoint 40',
    'Revenue: 2 orders, 64.90 EUR; the log: 42 orders, 1564.02 EUR',
    'Restarted, both in memory:\n  started from checkpoint 0',
    'Revenue: 42 orders, 1564.02 EUR, as in the log',
  ],
  'a checkpoint in a SQLite file, read back by a new store object after a restart':
    [
      "  stopped at position 25, lag 15\nThe app's files: revenue.db, shop.db",
      'Second run, a new process on the same files:\n  the revenue table holds 25 orders, 936.95 EUR\n  started from checkpoint 25',
      'Revenue: 40 orders, 1499.12 EUR, as in the log',
    ],
  'a crash after the last checkpoint, and the orders counted twice': [
    '  checkpoint 20 saved: catching-up, lag 20\n  crashed at position 25, lag 15',
    '  the revenue table holds 25 orders, 936.95 EUR\n  started from checkpoint 20',
    'Revenue: 45 orders, 1686.51 EUR; the log: 40 orders, 1499.12 EUR',
    'Counted twice: the 5 orders after checkpoint 20,',
  ],
  'a rebuild, and what each reset alone does': [
    'reset() and resetPosition(), then a run:\n  started from checkpoint 0',
    'Rebuilt: 40 orders, 1499.12 EUR, as in the log',
    'resetPosition() alone: 80 orders, 2998.24 EUR; the log: 40 orders',
    'reset() alone: 0 orders, 0.00 EUR; the log: 40 orders',
  ],
}

describe("npm run lesson 10, from a learner's own directory", () => {
  let result: CommandResult
  let tempBefore: string[]

  beforeAll(async () => {
    tempBefore = lessonTempDirs()
    result = await npmRun('lesson', ['10'], { cwd: learnerDir })
  }, 60_000)

  it('runs every section, in order, and succeeds', () => {
    expectEverySectionRan(result, lesson)
  })

  it.each(Object.entries(shows))('shows %s', (_, lines) => {
    for (const line of lines) expect(result.stdout).toContain(line)
  })

  it('leaves nothing behind: not in the learner’s directory, not in the temp dir', () => {
    expect(readdirSync(learnerDir)).toEqual([])
    expect(lessonTempDirs()).toEqual(tempBefore)
    expect(result.stdout).not.toMatch(ANSI)
  })
})
