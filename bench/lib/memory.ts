import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { FROM_SOURCE } from '../../tools/source-condition.ts'
import { sqliteFloor } from '../floors/sqlite.ts'
import { freshFile } from './backends.ts'
import { rate, type Report } from './report.ts'

const MEMORY_EVENTS = 1_000_000
const LIMIT_MB = 64

/**
 * `readAll` over a million events of a SQLite file keeps memory flat: the log is written, then a fresh
 * child process reads it all through our store and reports how far its RSS grew.
 */
export async function measureReadAllMemory(report: Report): Promise<void> {
  const { path, remove } = freshFile('memory')
  try {
    const writer = sqliteFloor(path, { walMode: true, synchronous: 'NORMAL' })
    for (let i = 0; i < MEMORY_EVENTS / 1000; i++)
      await writer.appendStream(`stream-${i}`, 1000)
    await writer.close()
    const probe = fileURLToPath(new URL('../rss-probe.ts', import.meta.url))
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', ...FROM_SOURCE, probe, path],
      { encoding: 'utf8' },
    )
    const { events, seconds, baselineBytes, peakBytes } = JSON.parse(
      output,
    ) as {
      events: number
      seconds: number
      baselineBytes: number
      peakBytes: number
    }
    const growthMb = (peakBytes - baselineBytes) / 2 ** 20
    report.add(
      {
        title: 'Memory: readAll over a SQLite file (WAL)',
        settings:
          'journal_mode=WAL, synchronous=NORMAL; read in a fresh child process, RSS sampled every 1,000 events',
        columns: [
          'Events read',
          'RSS at start',
          'RSS peak',
          'RSS growth',
          'events/s',
        ],
        rows: [
          [
            events.toLocaleString('en'),
            mb(baselineBytes),
            mb(peakBytes),
            `${growthMb.toFixed(1)} MB`,
            rate(events / seconds),
          ],
        ],
      },
      { events, seconds, baselineBytes, peakBytes },
    )
    report.expect({
      what: `Memory: RSS growth of readAll over ${MEMORY_EVENTS.toLocaleString('en')} events`,
      measured: `${growthMb.toFixed(1)} MB`,
      goal: `< ${LIMIT_MB} MB`,
      met: events === MEMORY_EVENTS && growthMb < LIMIT_MB,
    })
  } finally {
    remove()
  }
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`
}
