/** A worker's side of protocol.ts: the runner's types are the page's, which know no worker globals. */
import type { Reply, Request } from './protocol.ts'

const scope = self as unknown as {
  postMessage(message: Reply): void
  onmessage: ((event: MessageEvent<Request>) => void) | null
}

export const reply = (message: Reply): void => scope.postMessage(message)

export function onRequest(handle: (request: Request) => void): void {
  scope.onmessage = ({ data }) => handle(data)
}
