import { execFile } from 'node:child_process'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { FROM_SOURCE } from '../tools/source-condition.ts'

/** The repository's root: the workbook's tools and lessons run from there. */
export const root = dirname(dirname(fileURLToPath(import.meta.url)))

const run = promisify(execFile)

/**
 * Runs a command in the repository without colours, as a learner's terminal would, and returns what it
 * prints. The build's NODE_ENV=production is not the learner's, so it is left out.
 */
export async function capture(
  file: string,
  args: readonly string[],
): Promise<string> {
  const { NODE_ENV: _buildMode, ...env } = process.env
  try {
    const { stdout } = await run(file, args, {
      cwd: root,
      env: { ...env, NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    })
    return stdout
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(
      `The site shows what "${[file, ...args].join(' ')}" prints, but it failed:\n${stdout ?? ''}${stderr ?? ''}`,
      { cause: error },
    )
  }
}

/**
 * Evaluates a module of the workbook's TypeScript with tsx and returns the JSON it prints. Data loaders use
 * it because the workbook's code imports the library by its package name, which resolves to source only
 * with the source condition.
 */
export async function workbookJson<T>(module: string): Promise<T> {
  return JSON.parse(
    await capture(process.execPath, [
      ...FROM_SOURCE,
      '--input-type=module',
      '--eval',
      module,
    ]),
  ) as T
}
