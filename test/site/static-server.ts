import { readFile, stat } from 'node:fs/promises'
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.css',
  '.json',
  '.svg',
  '.txt',
  '.wasm',
])

export interface StaticSite {
  url: string
  close(): Promise<void>
}

/**
 * Serves a VitePress build on 127.0.0.1, on a free port, as a static host would: clean URLs (`/reference`
 * serves `reference.html`), gzip when the browser accepts it, and `404.html` with status 404.
 */
export async function serveStatic(root: string): Promise<StaticSite> {
  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const path = normalize(
      decodeURIComponent(
        new URL(request.url ?? '/', 'http://localhost').pathname,
      ),
    )
    const file = await findFile(root, path)
    const body = await readFile(file ?? join(root, '404.html'))
    const type = extname(file ?? '.html')
    const gzip =
      COMPRESSIBLE.has(type) &&
      /\bgzip\b/.test(String(request.headers['accept-encoding']))
    response.writeHead(file ? 200 : 404, {
      'content-type': TYPES[type] ?? 'application/octet-stream',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    })
    response.end(gzip ? gzipSync(body) : body)
  }
  const server: Server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  }
}

async function findFile(
  root: string,
  path: string,
): Promise<string | undefined> {
  if (path.split('/').includes('..')) return undefined
  const candidates = path.endsWith('/')
    ? [join(root, path, 'index.html')]
    : [join(root, path), join(root, `${path}.html`)]
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => undefined)
    if (info?.isFile()) return candidate
  }
  return undefined
}
