import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { basename } from 'node:path'
import { build } from 'esbuild'
import { afterAll } from 'vitest'
import { SOURCE_CONDITION } from '../../../tools/source-condition.ts'

const repoRoot = new URL('../../../', import.meta.url)
// Inside node_modules, so the bundle's bare imports (better-sqlite3, pg) resolve as usual.
const cacheDir = new URL(
  `node_modules/.cache/eventsource-reliability/${process.pid}/`,
  repoRoot,
).pathname
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }))

/**
 * Bundles a TypeScript child script into one ES module. The tests start hundreds of short-lived children:
 * a bundle starts in about 80 ms, the same script under tsx in about 500 ms.
 */
export async function bundleChild(entry: URL): Promise<string> {
  mkdirSync(cacheDir, { recursive: true })
  const outfile = `${cacheDir}${basename(entry.pathname, '.ts')}.mjs`
  await build({
    entryPoints: [entry.pathname],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // The library itself is bundled from source (it resolves to src/ through package.json "exports"), and
    // so is its `#sqlite-engine` import: without the condition it would be the build in dist/, if any.
    alias: { 'eventsource-ts': new URL('src/index.ts', repoRoot).pathname },
    conditions: [SOURCE_CONDITION],
    logLevel: 'warning',
  })
  return outfile
}

export interface ChildExit {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

/** A running child: the lines it printed so far, a way to wait for one, and SIGKILL. */
export interface Child {
  readonly lines: readonly string[]
  /** Resolves with the first line (printed so far or later) that `matches`; rejects if the child exits first. */
  waitForLine(
    matches: (line: string, index: number) => boolean,
  ): Promise<string>
  /** Writes a line to the child's stdin. */
  send(line: string): void
  kill(): void
  readonly exited: Promise<ChildExit>
}

export interface ChildOptions {
  /** The program and its first arguments (default: this node). */
  command?: readonly string[]
  /** Variables added to this process's environment. */
  env?: NodeJS.ProcessEnv
}

export function startChild(
  script: string,
  args: readonly string[],
  options: ChildOptions = {},
): Child {
  const [command, ...prefix] = options.command ?? [process.execPath]
  const child = spawn(command!, [...prefix, script, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  })
  const lines: string[] = []
  const waiters = new Set<() => void>()
  let closed = false
  let partial = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n')
    partial = parts.pop()!
    lines.push(...parts)
    for (const wake of waiters) wake()
  })
  child.stderr
    .setEncoding('utf8')
    .on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<ChildExit>((resolve, reject) => {
    child.on('error', reject)
    // 'close' comes after the pipes are drained, so `lines` holds everything the child printed.
    child.on('close', (code, signal) => {
      closed = true
      for (const wake of waiters) wake()
      resolve({ code, signal, stderr })
    })
  })

  return {
    lines,
    exited,
    send: (line) => void child.stdin.write(`${line}\n`),
    kill: () => void child.kill('SIGKILL'),
    waitForLine: (matches) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.find(matches)
          if (line !== undefined) resolve(line)
          else if (closed)
            reject(
              new Error(
                `the child exited without printing the line waited for; stderr: ${stderr}`,
              ),
            )
          else return
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      }),
  }
}
