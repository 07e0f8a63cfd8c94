/** A one-line progress bar: redrawn in place on a terminal; when piped, only its final state is printed. */
import { cyan, interactive } from './style.ts'

const WIDTH = 30

export interface ProgressBar {
  update(done: number, total: number): void
  /** Ends the bar's line. */
  finish(): void
}

export function progressBar(unit: string): ProgressBar {
  let line = ''
  const render = (done: number, total: number) => {
    const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH)
    return `[${cyan('█'.repeat(filled))}${'░'.repeat(WIDTH - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}`
  }
  return {
    update(done, total) {
      line = render(done, total)
      if (interactive) process.stdout.write(`\r${line}`)
    },
    finish() {
      process.stdout.write(interactive ? '\n' : `${line}\n`)
    },
  }
}
