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

/** A lesson's section as the site knows it. */
export interface SiteSection {
  /** `"12/in-memory"`: the section's key in the site's data and in the runner. */
  key: string
  name: string
  /** Relative to the repository. */
  file: string
  /** Why a browser cannot run it, when it cannot. */
  notInBrowser?: string
}

// Every lesson with its sections, in order, as the workbook's runner knows them.
const LIST_SECTIONS = `
  import { loadCourse } from './tools/workbook/course.ts'
  const { lessons } = await loadCourse()
  console.log(JSON.stringify(lessons.map((lesson) => ({
    number: lesson.number,
    sections: lesson.sections.map(({ name, file, notInBrowser }) => ({
      key: lesson.number + '/' + name, name, file, notInBrowser,
    })),
  }))))
`

/** Every available lesson and its sections, listed now (the site's data and its runner both use it). */
export function listSections(): Promise<
  { number: number; sections: SiteSection[] }[]
> {
  return workbookJson(LIST_SECTIONS)
}
