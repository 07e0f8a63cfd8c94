import { spawnSync } from 'node:child_process'
import { FROM_SOURCE } from '../../tools/source-condition.ts'
import { loadCourse, type Lesson } from '../../tools/workbook/course.ts'
import { repoRoot } from '../../tools/workbook/paths.ts'
import { summarize } from './measure.ts'
import type { Report } from './report.ts'

const RUNS = 3

interface Command {
  what: string
  command: string
  args: string[]
}

/** Whole processes a learner starts: every lesson's run, and a verify. */
const commandsOf = (lessons: readonly Lesson[]): Command[] => [
  {
    what: 'node -e 0 (bare Node, for reference)',
    command: process.execPath,
    args: ['-e', '0'],
  },
  ...lessons.map((lesson) => ({
    what: `npm run lesson ${lesson.number}`,
    command: 'npm',
    args: ['run', '--silent', 'lesson', String(lesson.number)],
  })),
  {
    what: 'npm run verify 12-3 -- --solution',
    command: 'npm',
    args: ['run', '--silent', 'verify', '12-3', '--', '--solution'],
  },
  {
    what: "the same verify's type check alone",
    command: process.execPath,
    args: [
      ...FROM_SOURCE,
      '--input-type=module',
      '-e',
      "const { typeErrors } = await import('./tools/workbook/typecheck.ts'); typeErrors(['solutions/12-sqlite/12-3-migration.ts'])",
    ],
  },
]

/** The longest a learner should wait for `verify` of one exercise. */
const VERIFY_GOAL_MS = 5000
/** The longest a learner should wait for a lesson that a browser can run whole (in memory, no files). */
const LESSON_GOAL_MS = 2000

/** Wall time of whole processes, from spawn to exit: a warm-up run (it fills tsx's cache), then the timed runs. */
export async function measureColdStart(report: Report): Promise<void> {
  const { lessons } = await loadCourse()
  const inMemory = new Set(
    lessons
      .filter((lesson) =>
        lesson.sections.every((section) => !section.notInBrowser),
      )
      .map((lesson) => `npm run lesson ${lesson.number}`),
  )
  const rows = commandsOf(lessons).map(({ what, command, args }) => {
    const times: number[] = []
    for (let run = 0; run <= RUNS; run++) {
      const start = performance.now()
      const { status, error } = spawnSync(command, args, {
        cwd: repoRoot,
        stdio: 'ignore',
      })
      if (error || status !== 0)
        throw new Error(
          `cold start: "${what}" failed (${error?.message ?? `exit code ${status}`})`,
        )
      if (run > 0) times.push(performance.now() - start)
    }
    const { min, median } = summarize(times)
    return { what, min, median }
  })
  report.add(
    {
      title: 'Cold start: whole processes, wall time',
      columns: ['Command', 'min', 'median'],
      rows: rows.map(({ what, min, median }) => [
        `\`${what}\``,
        `${Math.round(min)} ms`,
        `${Math.round(median)} ms`,
      ]),
    },
    rows,
  )
  const slowest = rows
    .filter((row) => inMemory.has(row.what))
    .reduce((a, b) => (b.median > a.median ? b : a))
  report.expect({
    what: `Cold start: the slowest lesson a browser runs whole (${slowest.what.replace('npm run ', '')}; median)`,
    measured: `${(slowest.median / 1000).toFixed(1)} s`,
    goal: `< ${LESSON_GOAL_MS / 1000} s`,
    met: slowest.median < LESSON_GOAL_MS,
  })
  const verify = rows.find((row) => row.what.startsWith('npm run verify'))!
  report.expect({
    what: 'Cold start: npm run verify of one exercise, type check included (median)',
    measured: `${(verify.median / 1000).toFixed(1)} s`,
    goal: `< ${VERIFY_GOAL_MS / 1000} s`,
    met: verify.median < VERIFY_GOAL_MS,
  })
}
