/** Lesson 1 runs as a learner runs it, and prints what the lesson teaches. */
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

const lesson = (await loadCourse()).lessons.find((l) => l.number === 1)!
const learnerDir = mkdtempSync(join(tmpdir(), 'learner-'))
afterAll(() => rmSync(learnerDir, { recursive: true, force: true }))

describe("npm run lesson 1, from a learner's own directory", () => {
  let result: CommandResult
  let out: string

  beforeAll(async () => {
    result = await npmRun('lesson', ['1'], { cwd: learnerDir })
    out = result.stdout
  }, 60_000)

  it('runs every section, in order, and succeeds', () => {
    expectEverySectionRan(result, lesson)
    expect(out).toContain('Next: the exercises. Start with npm run verify 01-1')
  })

  it('shows the CRUD row written over, and the same history kept as events', () => {
    expect(out).toContain(
      '  INSERT  Alice, balance     $0.00, updated 2025-03-03 09:00 by teller-7',
    )
    expect(out).toContain(
      '  UPDATE  Alice, balance $1,260.00, updated 2025-03-25 08:00 by payroll',
    )
    expect(out).toContain(
      'SELECT * FROM accounts: 1 row, at its last values; the 4 before are gone',
    )
    for (const event of [
      'v1  2025-03-03 09:00  teller-7  AccountOpened   owner Alice',
      'v3  2025-03-10 18:30  atm-42    MoneyWithdrawn  $40.00',
      'v5  2025-04-01 10:00  alice     MoneyWithdrawn  $950.00',
    ])
      expect(out).toContain(event)
  })

  it('replays the events into the balance, now and at earlier moments', () => {
    expect(out).toContain('  v1 AccountOpened  → Alice, balance $0.00')
    expect(out).toContain('  v4 MoneyDeposited → Alice, balance $1,260.00')
    expect(out).toContain('  Rebuilt: version 5, balance $310.00')
    expect(out).toContain(
      '  On 2025-03-05 00:00: balance $100.00 (after 2 events)',
    )
    expect(out).toContain(
      '  On 2025-03-31 23:59: balance $1,260.00 (after 4 events)',
    )
  })

  it('shows an audit trail, a new question, the growing log and a correction', () => {
    expect(out).toContain('  2025-03-10 18:30  atm-42    $40.00')
    expect(out).toContain('  2025-04-01 10:00  alice     $950.00')
    expect(out).toContain('  in $1,300.00, out $40.00')
    const row = /the row: 1 record, (\d+) bytes of JSON/.exec(out)
    const log = /the log: 5 events, ([\d,]+) bytes/.exec(out)
    expect(row && log, 'the sizes of the row and of the log').toBeTruthy()
    expect(Number(log![1]!.replace(/,/g, ''))).toBeGreaterThan(
      5 * Number(row![1]),
    )
    expect(out).toContain('  Object.isFrozen(typo): true')
    expect(out).toContain(
      '  v6 MoneyDeposited $1,000.00 (the typo), v7 MoneyWithdrawn $900.00 (its fix)',
    )
    expect(out).toContain('  balance $410.00: right again')
  })

  it('saves and loads through a repository, and lists the log with versions and global positions', () => {
    expect(out).toContain(
      "Alice's new account: version 2, 2 events not saved yet",
    )
    expect(out).toContain('uncommitted events now: 0')
    expect(out).toContain('load(): Alice, balance $100.00, version 2')
    expect(out).toContain('withdraw(40_00), save(): version 3')
    const log = [
      ...out.matchAll(
        /^ {2}#(\d) {2}Account ([0-9a-f]{8}) {2}v(\d) {2}(\w+) +(.+)$/gm,
      ),
    ].map(([, position, id, version, type, says]) => ({
      position,
      id,
      version,
      type,
      says,
    }))
    expect(
      log.map(({ position, version, type, says }) => [
        position,
        version,
        type,
        says,
      ]),
    ).toEqual([
      ['1', '1', 'AccountOpened', 'owner Alice'],
      ['2', '2', 'MoneyDeposited', '$100.00'],
      ['3', '1', 'AccountOpened', 'owner Bob'],
      ['4', '2', 'MoneyDeposited', '$25.00'],
      ['5', '3', 'MoneyWithdrawn', '$40.00'],
    ])
    const [alice, , bob] = log
    expect(log.map(({ id }) => id)).toEqual([
      alice!.id,
      alice!.id,
      bob!.id,
      bob!.id,
      alice!.id,
    ])
    expect(alice!.id).not.toBe(bob!.id)
    expect(out).toContain('  Alice  $60.00\n  Bob    $25.00')
  })

  it("leaves nothing behind in the learner's directory", () => {
    expect(readdirSync(learnerDir)).toEqual([])
  })

  it('prints no colour codes when its output is not a terminal', () => {
    expect(out).not.toMatch(ANSI)
  })
})
