/** Lesson code prints with console.log: in a worker, each line goes to the page, to the run in hand. */
import { format } from './shims/util.ts'

export function sendConsoleTo(
  send: (stream: 'out' | 'err', text: string) => void,
): void {
  const print =
    (stream: 'out' | 'err') =>
    (...values: unknown[]) => {
      for (const text of format(...values).split('\n')) send(stream, text)
    }
  console.log = print('out')
  console.info = print('out')
  console.warn = print('err')
  console.error = print('err')
}

/** What a run that threw shows: the error's name and message. */
export const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error)
