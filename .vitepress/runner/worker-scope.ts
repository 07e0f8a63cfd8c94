/**
 * A worker's side of protocol.ts: it takes one request at a time (the page queues them), sends what the
 * code prints to that request, says when the code is loaded (the page's watchdog counts from then on),
 * and ends each request with `done`, or with the error it threw.
 */
import type { Reply, Request } from './protocol.ts'
import { format } from './shims/util.ts'

// The runner's types are the page's, which know no worker globals.
const scope = self as unknown as {
  postMessage(message: Reply): void
  onmessage: ((event: MessageEvent<Request>) => void) | null
}

export const reply = (message: Reply): void => scope.postMessage(message)

/** What a request that threw shows: the error's name and message. */
const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error)

/**
 * Serves requests with `work`, which calls `loaded()` once the code it runs has arrived: the time a
 * download takes is no sign of a loop that never ends.
 */
export function serve(
  work: (request: Request, loaded: () => void) => Promise<void>,
): void {
  let current = 0
  const print =
    (stream: 'out' | 'err') =>
    (...values: unknown[]) => {
      for (const text of format(...values).split('\n'))
        reply({ id: current, kind: 'line', stream, text })
    }
  console.log = print('out')
  console.info = print('out')
  console.warn = print('err')
  console.error = print('err')
  scope.onmessage = ({ data }) => {
    current = data.id
    work(data, () => reply({ id: data.id, kind: 'loaded' })).then(
      () => reply({ id: data.id, kind: 'done' }),
      (error: unknown) =>
        reply({ id: data.id, kind: 'done', error: errorText(error) }),
    )
  }
}
