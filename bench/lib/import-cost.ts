import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { repoRoot } from '../../tools/workbook/paths.ts'
import { summarize } from './measure.ts'
import type { Report } from './report.ts'

const RUNS = 10
const AT_MOST = 1.5

/** What a user's process pays to import the built library: the whole package, and its in-memory store alone. */
function contenders(dist: string) {
  const load = (module: string) =>
    `await import(${JSON.stringify(pathToFileURL(`${dist}/${module}`).href)})`
  return [
    { what: 'node -e 0 (bare Node, for reference)', code: '' },
    {
      what: 'the in-memory store module alone (dist/stores/memory/in-memory-event-store.js)',
      code: load('stores/memory/in-memory-event-store.js'),
    },
    { what: "import 'eventsource-ts' (dist/index.js)", code: load('index.js') },
  ]
}

/**
 * One process: wall time from spawn to exit, and its RSS once the import is done. (Not `maxRSS`: a child
 * forked from a large process, such as this bench by now, reports the parent's peak as its own.)
 */
function run(code: string): { ms: number; rssBytes: number } {
  const start = performance.now()
  const { status, stdout, stderr } = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `${code}; console.log(process.memoryUsage.rss())`,
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  )
  const ms = performance.now() - start
  if (status !== 0) throw new Error(`import cost: "${code}" failed: ${stderr}`)
  return { ms, rssBytes: Number(stdout.trim()) }
}

/**
 * The import cost of the build, as a user's plain `node` pays it: each process in turn, round after round,
 * so a burst of load on the machine falls on all of them alike. `dist` defaults to a fresh `npm run build`.
 */
export function measureImportCost(report: Report, dist?: string): void {
  if (!dist) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot })
    dist = join(repoRoot, 'dist')
  }
  const measured = contenders(dist).map((c) => ({
    ...c,
    times: [] as number[],
    rss: [] as number[],
  }))
  for (let round = 0; round <= RUNS; round++) {
    for (const contender of measured) {
      const { ms, rssBytes } = run(contender.code)
      // The first round warms the file system cache, and is not counted.
      if (round === 0) continue
      contender.times.push(ms)
      contender.rss.push(rssBytes)
    }
  }
  const rows = measured.map(({ what, times, rss }) => ({
    what,
    ...summarize(times),
    rssMb: summarize(rss).median / 2 ** 20,
  }))
  report.add(
    {
      title: 'Import cost: plain node, the built package',
      settings: `${RUNS} processes each, in turns; wall time from spawn to exit, RSS after the import`,
      columns: ['Process', 'min', 'median', 'RSS (median)'],
      rows: rows.map(({ what, min, median, rssMb }) => [
        what,
        `${Math.round(min)} ms`,
        `${Math.round(median)} ms`,
        `${rssMb.toFixed(1)} MB`,
      ]),
    },
    rows,
  )
  const [, memory, whole] = rows
  const time = whole!.median / memory!.median
  const rss = whole!.rssMb / memory!.rssMb
  for (const [what, ratio] of [
    ['wall time', time],
    ['RSS', rss],
  ] as const)
    report.expect({
      what: `Import cost: import 'eventsource-ts' ÷ the in-memory store module alone, ${what}`,
      measured: `${ratio.toFixed(2)}×`,
      goal: `within ${AT_MOST}×`,
      met: ratio <= AT_MOST,
    })
}
