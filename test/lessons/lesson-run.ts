/** The shape of a lesson's own test: `npm run lesson N` once, as a learner runs it, and what it must print. */
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

/**
 * Runs `npm run lesson <number>` from a temp directory of a learner's own, and checks that every section
 * ran in order, that it printed each line of `shows` (or matched each pattern) (what the learner must see, by what it shows), and
 * that it left nothing behind and printed no colour codes.
 */
export function describeLessonRun(
  number: number,
  shows: Record<string, readonly (string | RegExp)[]>,
): void {
  describe(`npm run lesson ${number}, from a learner's own directory`, () => {
    const learnerDir = mkdtempSync(join(tmpdir(), 'learner-'))
    let result: CommandResult
    beforeAll(async () => {
      result = await npmRun('lesson', [String(number)], { cwd: learnerDir })
    }, 60_000)
    afterAll(() => rmSync(learnerDir, { recursive: true, force: true }))

    it('runs every section, in order, and succeeds', async () => {
      const { lessons } = await loadCourse()
      expectEverySectionRan(
        result,
        lessons.find((l) => l.number === number)!,
      )
    })

    it.each(Object.entries(shows))('shows %s', (_, lines) => {
      for (const line of lines)
        if (typeof line === 'string') expect(result.stdout).toContain(line)
        else expect(result.stdout).toMatch(line)
    })

    it("leaves nothing behind in the learner's directory, and prints no colour codes", () => {
      expect(readdirSync(learnerDir)).toEqual([])
      expect(result.stdout).not.toMatch(ANSI)
    })
  })
}
