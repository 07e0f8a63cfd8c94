/**
 * The compiler comes first: `verify` type-checks the learner's file with the workbook's own compiler
 * options (tsconfig.json) before it runs any check, as `npm run typecheck` would.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type TypeScript from 'typescript'
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

/**
 * The compiler, loaded on first use and by require: an import would have node's ESM loader scan its 9 MB
 * for named exports, and tsx's hooks see it pass, a second that every `verify` would wait for.
 */
const compiler = () =>
  createRequire(import.meta.url)('typescript') as typeof TypeScript

function compilerOptions(ts: typeof TypeScript): TypeScript.CompilerOptions {
  const configFile = ts.findConfigFile(repoRoot, ts.sys.fileExists)!
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, repoRoot)
  return { ...parsed.options, noEmit: true, incremental: false }
}

/**
 * A type checker that checks again and again: each check re-reads every file but parses and checks only
 * what changed since the last (a saved answer), so a watch session waits for the whole program once.
 */
export function typeChecker(): (files: readonly string[]) => TypeError[] {
  const ts = compiler()
  const options = compilerOptions(ts)
  const host = ts.createIncrementalCompilerHost(options)
  const parsed = new Map<string, TypeScript.SourceFile>()
  const parse = host.getSourceFile.bind(host)
  host.getSourceFile = (fileName, ...rest) => {
    const known = parsed.get(fileName)
    if (known && known.text === host.readFile(fileName)) return known
    const file = parse(fileName, ...rest)
    if (file) parsed.set(fileName, file)
    return file
  }
  let last: TypeScript.SemanticDiagnosticsBuilderProgram | undefined
  return (files) => {
    const program = ts.createSemanticDiagnosticsBuilderProgram(
      files.map((file) => absolutePath(file)),
      options,
      host,
      last,
    )
    last = program
    // The learner's files only: what they import is read for its types, but the library's own errors are
    // `npm run typecheck`'s, and checking all of it took half of each check.
    const checked = files.flatMap(
      (file) => program.getSourceFile(absolutePath(file)) ?? [],
    )
    const diagnostics = ts.sortAndDeduplicateDiagnostics([
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...checked.flatMap((file) => [
        ...program.getSyntacticDiagnostics(file),
        ...program.getSemanticDiagnostics(file),
      ]),
    ])
    return diagnostics
      .filter(
        (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
      )
      .map((diagnostic) => toTypeError(ts, diagnostic))
  }
}

/** The type errors in `files` (relative to the repository), with the types of what they import. */
export function typeErrors(files: readonly string[]): TypeError[] {
  return typeChecker()(files)
}

function toTypeError(
  ts: typeof TypeScript,
  diagnostic: TypeScript.Diagnostic,
): TypeError {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
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
}

/** A type checker (see typeChecker()) of one's own, in a worker thread. */
export interface TypeCheckerWorker {
  check(files: readonly string[]): Promise<TypeError[]>
  /** Ends the worker, which keeps the process alive until then. */
  close(): Promise<void>
}

/**
 * A type checker in a worker thread: the compiler takes seconds that the checks use meanwhile. Checks
 * are answered in the order asked.
 */
export function typeCheckerInWorker(): TypeCheckerWorker {
  // Without this process's node flags: their `--import tsx` would hook the worker's require() too, and
  // tsx's CommonJS hook takes the compiler's 9 MB through it. The worker registers tsx's ESM hooks itself.
  const script = new URL('./typecheck-worker.mjs', import.meta.url)
  const worker = new Worker(script, { execArgv: [] })
  const waiting: {
    resolve(errors: TypeError[]): void
    reject(error: unknown): void
  }[] = []
  worker.on('message', (errors: TypeError[]) =>
    waiting.shift()?.resolve(errors),
  )
  worker.on('error', (error) => {
    for (const check of waiting.splice(0)) check.reject(error)
  })
  return {
    check: (files) =>
      new Promise((resolve, reject) => {
        waiting.push({ resolve, reject })
        worker.postMessage(files)
      }),
    close: async () => {
      await worker.terminate()
    },
  }
}
