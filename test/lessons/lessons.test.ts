/**
 * Every lesson the workbook has, as a learner runs it: its sections last to first, from a directory of
 * the learner's own, leaving it as it was; and the runner's answers to a mistyped lesson or section.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadCourse } from '../../tools/workbook/course.ts'
import { series } from '../../tools/workbook/series.ts'
import { ANSI, expectHeadings, workbook } from './run-workbook.ts'

const { lessons } = await loadCourse()
const available = lessons.map((lesson) => lesson.number).join(', ')
const upcoming = series.find(
  (entry) => !lessons.some((lesson) => lesson.number === entry.number),
)
const learnerDir = mkdtempSync(join(tmpdir(), 'learner-'))
afterAll(() => rmSync(learnerDir, { recursive: true, force: true }))

describe.each(lessons)(
  'lesson $number: its sections, last to first',
  (lesson) => {
    // In one process, last to first: each section runs before every section that comes before it, so one
    // that leans on an earlier one fails here, and the last runs first, as alone. `npm run lesson N` (the
    // lesson's own test) runs them first to last.
    it('runs each section without the ones before it', async () => {
      const sections = lesson.sections.toReversed()
      const { code, stdout, stderr } = await workbook(
        'lesson',
        [
          String(lesson.number),
          '--section',
          sections.map((section) => section.name).join(','),
        ],
        { cwd: learnerDir },
      )
      expect(stderr).toBe('')
      expect(code).toBe(0)
      expectHeadings(stdout, sections)
      expect(stdout).toMatch(/✓ (Section|\d+ sections) ran in [\d.]+ s/)
      expect(readdirSync(learnerDir)).toEqual([])
    }, 120_000)

    it('lists its sections for an unknown one', async () => {
      const { code, stderr } = await workbook('lesson', [
        String(lesson.number),
        '--section',
        'no-such-section',
      ])
      expect(code).toBe(1)
      expect(stderr).toContain(
        `Lesson ${lesson.number} has no section "no-such-section". Its sections, in order: ${lesson.sections.map((s) => s.name).join(', ')}.`,
      )
    })
  },
)

describe('npm run lesson: the series, and helpful errors', () => {
  it('lists the 21 lessons, the available ones runnable, the others upcoming', async () => {
    const { code, stdout } = await workbook('lesson', [])
    expect(code).toBe(0)
    expect(stdout).toContain(`21 lessons, ${lessons.length} available now`)
    for (const lesson of lessons)
      expect(stdout).toMatch(
        new RegExp(
          `^  ${String(lesson.number).padStart(2)}  ${lesson.title} +npm run lesson ${lesson.number}$`,
          'm',
        ),
      )
    expect(stdout.match(/upcoming$/gm)).toHaveLength(
      series.length - lessons.length,
    )
  })

  it('names the lessons there are for an unknown lesson', async () => {
    const { code, stderr } = await workbook('lesson', ['99'])
    expect(code).toBe(1)
    expect(stderr).toContain(
      `There is no lesson "99". The series has lessons 1 to 21; available now: ${available}.`,
    )
  })

  it.skipIf(!upcoming)(
    'says a lesson of the series is not written yet',
    async () => {
      const { code, stderr } = await workbook('lesson', [
        String(upcoming!.number),
      ])
      expect(code).toBe(1)
      expect(stderr).toContain(
        `Lesson ${upcoming!.number}, "${upcoming!.title}", is not written yet. Available now: ${available}.`,
      )
    },
  )

  it('explains an unknown option', async () => {
    const { code, stderr } = await workbook('lesson', ['12', '--sectoin', 'x'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/Unknown option '--sectoin'/)
  })

  it('takes --section even when the -- before it was forgotten', async () => {
    const { code, stdout } = await workbook('lesson', ['12', 'in-memory'], {
      cwd: learnerDir,
      env: { npm_config_section: 'true' },
    })
    expect(code).toBe(0)
    expect(stdout).toContain(
      '(npm took --section in-memory for a setting of its own; the usual form is: npm run lesson 12 -- --section in-memory)',
    )
    expect(stdout).toContain('── In-memory store (--section in-memory)')
    expect(stdout).toMatch(/✓ Section ran in [\d.]+ s/)
  })

  it('colours its output when asked with FORCE_COLOR, and NO_COLOR wins over it', async () => {
    expect(
      (await workbook('lesson', [], { env: { FORCE_COLOR: '1' } })).stdout,
    ).toMatch(ANSI)
    expect(
      (
        await workbook('lesson', [], {
          env: { FORCE_COLOR: '1', NO_COLOR: '1' },
        })
      ).stdout,
    ).not.toMatch(ANSI)
  })
})
