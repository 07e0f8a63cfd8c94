import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { summarize } from './measure.ts'
import type { Report } from './report.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const RUNS = 3

const COMMANDS: { what: string; command: string; args: string[] }[] = [
  {
    what: 'node -e 0 (bare Node, for reference)',
    command: process.execPath,
    args: ['-e', '0'],
  },
  {
    what: 'npm run lesson 12',
    command: 'npm',
    args: ['run', '--silent', 'lesson', '12'],
  },
]

/** Wall time of whole processes, from spawn to exit: a warm-up run (it fills tsx's cache), then the timed runs. */
export function measureColdStart(report: Report): void {
  const rows = COMMANDS.map(({ what, command, args }) => {
    const times: number[] = []
    for (let run = 0; run <= RUNS; run++) {
      const start = performance.now()
      const { status, error } = spawnSync(command, args, {
        cwd: ROOT,
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
}
