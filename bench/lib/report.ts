import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import type { Sample } from './measure.ts'
import type { WorkloadName, WorkloadResult } from './workloads.ts'

/** A table of the report, printed as soon as it is measured and written to RESULTS.md at the end. */
export interface Table {
  title: string
  /** The durability settings the figures were measured with. */
  settings?: string
  columns: string[]
  rows: string[][]
}

/** A target of the issue, checked against a measured ratio or figure. */
export interface TargetCheck {
  what: string
  measured: string
  goal: string
  met: boolean
}

/** A ratio to show: `numerator`'s median events/s over `denominator`'s. */
export type Ratio = [numerator: string, denominator: string]

export class Report {
  readonly tables: Table[] = []
  readonly targets: TargetCheck[] = []
  readonly notes: string[] = []
  readonly data: Record<string, unknown> = {}
  readonly startedAt = new Date()
  readonly machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}; load average at start ${loadavg()[0]!.toFixed(2)}`
  readonly #workloads = new Map<string, WorkloadResult[]>()
  #lastTableAt = performance.now()

  add(table: Table, data?: unknown): void {
    this.tables.push(table)
    if (data !== undefined) this.data[table.title] = data
    const seconds = (performance.now() - this.#lastTableAt) / 1000
    this.#lastTableAt = performance.now()
    console.log(
      `\n${renderTable(table)}\n(measured in ${seconds.toFixed(0)} s)`,
    )
  }

  note(text: string): void {
    this.notes.push(text)
    console.log(`\n${text}`)
  }

  /** Adds the events/s of every contender of a run of workloads, with the ratios asked for. */
  addWorkloads(
    title: string,
    settings: string,
    results: WorkloadResult[],
    ratios: Ratio[],
  ): void {
    this.#workloads.set(title, results)
    const contenders = [
      ...new Set(results.flatMap((r) => Object.keys(r.samples))),
    ]
    this.add(
      {
        title,
        settings,
        columns: [
          'Workload',
          'Events a run',
          ...contenders.map((c) => `${c} events/s (min / median)`),
          ...ratios.map(([a, b]) => `${a} ÷ ${b}`),
        ],
        rows: results.map((r) => [
          r.title,
          r.events.toLocaleString('en'),
          ...contenders.map((c) =>
            r.samples[c]
              ? `${rate(r.samples[c].min)} / ${rate(r.samples[c].median)}`
              : 'n/a',
          ),
          ...ratios.map((ratio) => formatRatio(ratioOf(r.samples, ratio))),
        ]),
      },
      results,
    )
  }

  /** Checks a ratio of a workload table against the least it should be. */
  expectRatio(
    title: string,
    workload: WorkloadName,
    [numerator, denominator]: Ratio,
    atLeast: number,
  ): void {
    const result = this.#workloads
      .get(title)
      ?.find((r) => r.workload === workload)
    if (!result) return
    const ratio = ratioOf(result.samples, [numerator, denominator])
    this.targets.push({
      what: `${title}: ${result.title}, ${numerator} ÷ ${denominator}`,
      measured: formatRatio(ratio),
      goal: `≥ ${atLeast}×`,
      met: ratio !== undefined && ratio >= atLeast,
    })
  }

  expect(check: TargetCheck): void {
    this.targets.push(check)
  }

  /** Prints the targets, writes the JSON file (with the groups that ran) and, when given a path, RESULTS.md. */
  write(
    markdownPath: string | undefined,
    jsonPath: string,
    groups: readonly string[],
  ): void {
    const targets = renderTargets(this.targets)
    console.log(`\n${targets}`)
    writeFileSync(
      jsonPath,
      `${JSON.stringify({ startedAt: this.startedAt, machine: this.machine, groups, results: this.data, targets: this.targets, notes: this.notes }, jsonValue, 2)}\n`,
    )
    if (markdownPath === undefined) return
    const markdown = [
      '# Benchmark results',
      '',
      `Written by \`npm run bench\` on ${this.startedAt.toISOString()}: ${this.machine}.`,
      'Figures are events per second (min and median of the rounds after a warm-up round: 3, or up to 15 for a quick',
      'workload, until they have run for 2 s); contenders of a workload take turns slice by slice in the same rounds, so',
      'the ratios between them are what to trust on a busy machine.',
      '',
      '- **raw floor**: hand-written SQL through the same driver, on the store’s own schema, with the same pragmas and the',
      '  same transaction shape (SQLite: BEGIN IMMEDIATE, the stream’s version, INSERT, COMMIT; PostgreSQL: one statement',
      '  taking the append lock, checking the version and inserting every row); it builds the same rows (ids, times, JSON)',
      '  and skips everything else a store does. Its reads are the rows plus JSON.parse. In memory: plain arrays and a map.',
      '- **raw floor, BEGIN…COMMIT**: PostgreSQL appends as first written by hand, one INSERT a row.',
      '- A floor has no repository: its plain appends and reads stand beside `AggregateRepository.save` and `load`.',
      '',
      ...this.tables.flatMap((table) => [renderTable(table), '']),
      targets,
      '',
      ...(this.notes.length > 0
        ? ['## Notes', '', ...this.notes.map((n) => `- ${n}`), '']
        : []),
    ].join('\n')
    writeFileSync(markdownPath, markdown)
  }
}

export function rate(eventsPerSecond: number): string {
  return Math.round(eventsPerSecond).toLocaleString('en')
}

export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined
    ? 'n/a'
    : `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`
}

function ratioOf(
  samples: Record<string, Sample>,
  [numerator, denominator]: Ratio,
): number | undefined {
  const a = samples[numerator]
  const b = samples[denominator]
  return a && b ? a.median / b.median : undefined
}

function renderTable({ title, settings, columns, rows }: Table): string {
  return [
    `### ${title}`,
    ...(settings ? ['', `Settings: ${settings}`] : []),
    '',
    `| ${columns.join(' | ')} |`,
    `|${columns.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

function renderTargets(targets: TargetCheck[]): string {
  const met = targets.filter((t) => t.met).length
  return [
    `### Targets: ${met} of ${targets.length} met`,
    '',
    '| Target | Measured | Goal | |',
    '|---|---:|---:|---|',
    ...targets.map(
      (t) =>
        `| ${t.what} | ${t.measured} | ${t.goal} | ${t.met ? 'met' : '**missed**'} |`,
    ),
  ].join('\n')
}

/** Rounds figures for the JSON file. */
function jsonValue(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value)
    ? Math.round(value * 100) / 100
    : value
}
