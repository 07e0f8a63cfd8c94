/**
 * The compiler comes first: `verify` type-checks the learner's file with the workbook's own compiler
 * options (tsconfig.json) before it runs any check, as `npm run typecheck` would.
 */
import { Worker } from 'node:worker_threads'
import ts from 'typescript'
import { absolutePath, repoPath, repoRoot } from './paths.ts'

export interface TypeError {
  /** Relative to the repository. */
  file: string
  line: number
  column: number
  /** Such as `TS2322`. */
  code: string
  message: string
}

function compilerOptions(): ts.CompilerOptions {
  const configFile = ts.findConfigFile(repoRoot, ts.sys.fileExists)!
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, repoRoot)
  return { ...parsed.options, noEmit: true, incremental: false }
}

/** The type errors of `files` (relative to the repository), in them and in what they import. */
export function typeErrors(files: readonly string[]): TypeError[] {
  const program = ts.createProgram({
    rootNames: files.map((file) => absolutePath(file)),
    options: compilerOptions(),
  })
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(
        diagnostic.messageText,
        '\n',
      )
      const code = `TS${diagnostic.code}`
      if (!diagnostic.file || diagnostic.start === undefined)
        return { file: '', line: 0, column: 0, code, message }
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(
        diagnostic.start,
      )
      return {
        file: repoPath(diagnostic.file.fileName),
        line: line + 1,
        column: character + 1,
        code,
        message,
      }
    })
}

/** The same, in a worker thread: the compiler takes a second or two that the checks can use meanwhile. */
export function typeErrorsInWorker(
  files: readonly string[],
): Promise<TypeError[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      new URL('./typecheck-worker.mjs', import.meta.url),
      {
        workerData: files,
      },
    )
    worker.once('message', resolve)
    worker.once('error', reject)
  })
}
