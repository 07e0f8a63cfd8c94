/** Runs a workbook command as a learner would, and returns what it printed and its exit code. */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { expect } from 'vitest'
import { FROM_SOURCE } from '../../tools/source-condition.ts'
import type { Lesson, Section } from '../../tools/workbook/course.ts'
import { repoRoot } from '../../tools/workbook/paths.ts'

/** A colour code in a terminal's output: a learner's piped output must have none. */
export const ANSI = /\u001b\[/

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Checks the section headings a lesson run printed: one a section, in the order given, numbered as the
 * runner numbers them (`2/5 ` before the title) when more than one runs.
 */
export function expectHeadings(
  stdout: string,
  sections: readonly Section[],
): void {
  const position = (index: number) =>
    sections.length === 1 ? '' : `${index + 1}/${sections.length} `
  expect(stdout.split('\n').filter((line) => line.startsWith('── '))).toEqual(
    sections.map(
      (section, index) =>
        `── ${position(index)}${section.title} (--section ${section.name})`,
    ),
  )
}

/**
 * Checks that `npm run lesson N` succeeded: no error output, each section's heading in order, and the
 * summary line that says it left the working directory as it was.
 */
export function expectEverySectionRan(
  result: CommandResult,
  lesson: Lesson,
): void {
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  const { sections } = lesson
  expectHeadings(result.stdout, sections)
  expect(result.stdout).toMatch(
    new RegExp(
      `✓ All ${sections.length} sections ran in [\\d.]+ s; your working directory is as it was\\.`,
    ),
  )
}

/** `npm run <script> [-- args]` from `cwd`, with `--prefix` pointing at the workbook, as from another directory. */
export function npmRun(
  script: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CommandResult> {
  return run(
    'npm',
    [
      '--prefix',
      repoRoot,
      'run',
      '--silent',
      script,
      ...(args.length > 0 ? ['--', ...args] : []),
    ],
    options,
  )
}

/**
 * A TypeScript script of the workbook (a path relative to it), run by node with tsx, from `cwd` (default:
 * the workbook), with INIT_CWD set to `cwd`, as npm sets it for a learner there (this test run's is the
 * workbook).
 */
export function tsx(
  script: string,
  args: string[],
  {
    cwd = repoRoot,
    env = {},
  }: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CommandResult> {
  return run(
    process.execPath,
    [...FROM_SOURCE, join(repoRoot, script), ...args],
    { cwd, env: { INIT_CWD: cwd, ...env } },
  )
}

/** A tool of `tools/workbook/` straight through node, without npm's start-up. */
export function workbook(
  tool: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CommandResult> {
  return tsx(`tools/workbook/${tool}.ts`, args, options)
}

function run(
  command: string,
  args: string[],
  { cwd, env = {} }: { cwd: string; env?: Record<string, string> },
): Promise<CommandResult> {
  return new Promise((resolve) => {
    // No colour unless a test asks for it: vitest's workers may set FORCE_COLOR.
    const childEnv = {
      ...process.env,
      FORCE_COLOR: undefined,
      NO_COLOR: undefined,
      ...env,
    }
    execFile(
      command,
      args,
      { cwd, env: childEnv, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        })
      },
    )
  })
}
