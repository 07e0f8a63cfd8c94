/** Terminal colours for the workbook's commands: on a TTY that supports them, off when NO_COLOR is set. */
import type { WriteStream } from 'node:tty'

type Env = Record<string, string | undefined>

/** https://no-color.org: NO_COLOR (non-empty) turns colour off; FORCE_COLOR turns it on; else ask the terminal. */
export function colorEnabled(
  stream: Pick<WriteStream, 'isTTY'> & Partial<Pick<WriteStream, 'hasColors'>>,
  env: Env,
): boolean {
  if (env.NO_COLOR) return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true
  return stream.isTTY === true && (stream.hasColors?.() ?? false)
}

const enabled = colorEnabled(process.stdout, process.env)
const paint = (open: number, close: number) => (text: string | number) =>
  enabled ? `\x1b[${open}m${text}\x1b[${close}m` : String(text)

export const bold = paint(1, 22)
export const dim = paint(2, 22)
export const red = paint(31, 39)
export const green = paint(32, 39)
export const yellow = paint(33, 39)
export const cyan = paint(36, 39)

/** Whether the output is a live terminal, where a line can be redrawn in place (a progress bar). */
export const interactive = process.stdout.isTTY === true
