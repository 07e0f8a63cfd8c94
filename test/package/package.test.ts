/**
 * The package as a user gets it: packed by `npm pack` (which builds dist/ first), installed into a new
 * project outside the repository, and used there with plain node and plain tsc.
 */
import { execFile, execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../../tools/workbook/paths.ts'

interface Result {
  code: number
  stdout: string
  stderr: string
}

/** The environment of a user's shell: none of the variables npm or vitest set for this run. */
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) =>
      !/^(npm_|VITEST|NODE_ENV$|NODE_OPTIONS$|FORCE_COLOR$)/i.test(name),
  ),
)

function run(command: string, args: string[], cwd: string): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: userEnv, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    )
  })
}

/**
 * The README's example of "Use the library in your app": its tsconfig.json, the TypeScript, and the same
 * in JavaScript (the first code block of each language in that section).
 */
function readmeExamples(readme: string) {
  const section = /^## Use the library in your app$([\s\S]*?)^## /m.exec(readme)
  const block = (language: string) => {
    const code = new RegExp(
      `^\`\`\`${language}\n([\\s\\S]*?)^\`\`\`$`,
      'm',
    ).exec(section?.[1] ?? '')?.[1]
    if (!code)
      throw new Error(
        `README.md: no ${language} block in "Use the library in your app"`,
      )
    return code
  }
  return {
    tsconfig: block('json'),
    typescript: block('ts'),
    javascript: block('js'),
  }
}

/** A tool of the workbook's own node_modules, run by this node. */
const tool = (path: string, args: string[], cwd: string) =>
  run(process.execPath, [join(repoRoot, 'node_modules', path), ...args], cwd)

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
}

/** The app's files: scripts for plain node, and TypeScript for plain tsc. */
const fixtures = join(import.meta.dirname, 'app')
const root = mkdtempSync(join(tmpdir(), 'es-package-'))
const app = join(root, 'app')
let tarball = ''
let packed: string[] = []

/**
 * The workbook's files (all but those git ignores), copied beside the app, with its node_modules linked. `npm pack`
 * builds dist/ there: in the repository, a dist/ appearing while a lesson runs beside this test would be
 * taken for a file the lesson left behind.
 */
function workbookCopy(): string {
  const copy = join(root, 'workbook')
  // Tracked files and new ones not yet added, as they are in the working tree.
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: repoRoot },
  )
    .toString()
    .split('\0')
  for (const file of files)
    if (file !== '' && existsSync(join(repoRoot, file)))
      cpSync(join(repoRoot, file), join(copy, file))
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'))
  return copy
}

beforeAll(async () => {
  const pack = await run(
    'npm',
    ['pack', '--json', '--pack-destination', root],
    workbookCopy(),
  )
  expect(pack.code, pack.stderr).toBe(0)
  const [{ filename, files }] = JSON.parse(pack.stdout) as [
    { filename: string; files: { path: string }[] },
  ]
  tarball = join(root, filename)
  packed = files.map((file) => file.path)

  // The other packages come from the workbook's node_modules, linked: no registry, and better-sqlite3's
  // native binding is the one already built. (--legacy-peer-deps: npm fails to place links that satisfy
  // peer dependencies; a user installing from the registry needs no flag.)
  const workbook = (name: string) =>
    `file:${join(repoRoot, 'node_modules', name)}`
  writeFiles(app, {
    'package.json': JSON.stringify({
      name: 'app',
      private: true,
      type: 'module',
      dependencies: {
        'eventsource-ts': `file:${tarball}`,
        '@opentelemetry/api': workbook('@opentelemetry/api'),
        'better-sqlite3': workbook('better-sqlite3'),
        zod: workbook('zod'),
      },
      devDependencies: { '@types/node': workbook('@types/node') },
    }),
    'tsconfig.json': readFileSync(join(fixtures, 'tsconfig.app.json'), 'utf8'),
  })
  cpSync(fixtures, app, { recursive: true })
  const install = await run(
    'npm',
    [
      'install',
      '--offline',
      '--ignore-scripts',
      '--legacy-peer-deps',
      '--no-audit',
      '--no-fund',
    ],
    app,
  )
  expect(install.code, install.stderr).toBe(0)
}, 120_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

// tsc and attw each compile the package's declarations: on a busy machine, longer than vitest's 30 s.
describe.concurrent('the packed package', { timeout: 120_000 }, () => {
  it('holds the build, its declarations, README and LICENSE: nothing of the workbook', () => {
    const other = packed.filter((path) => !/^dist\/.+\.(js|d\.ts)$/.test(path))
    expect(other.sort()).toEqual(['LICENSE', 'README.md', 'package.json'])
    const modules = filesUnder(join(repoRoot, 'src')).map((file) =>
      file.replace(/\.ts$/, ''),
    )
    expect(packed.sort()).toEqual(
      [
        ...other,
        ...modules.flatMap((m) => [`dist/${m}.d.ts`, `dist/${m}.js`]),
      ].sort(),
    )
  })

  it('declarations import .js files, as the JavaScript does', () => {
    const dist = join(app, 'node_modules/eventsource-ts/dist')
    const declarations = filesUnder(dist).filter((f) => f.endsWith('.d.ts'))
    expect(declarations).toContain('index.d.ts')
    const specifiers = declarations.flatMap((file) =>
      [
        ...readFileSync(join(dist, file), 'utf8').matchAll(
          /(?:from |import\()['"]([^'"]+)['"]/g,
        ),
      ].map((match) => match[1]!),
    )
    expect(specifiers.length).toBeGreaterThan(50)
    expect(
      specifiers.filter((s) => s.startsWith('.') && !s.endsWith('.js')),
    ).toEqual([])
  })

  it.for(['app.mjs', 'app.cjs'])(
    '%s runs on plain node: the in-memory store and a SQLite file, with drivers loaded only when used',
    async (script) => {
      const { code, stdout, stderr } = await run(
        process.execPath,
        ['--require', './probe.cjs', script, `${script}.db`],
        app,
      )
      expect(code, stderr).toBe(0)
      expect(JSON.parse(stdout)).toEqual({
        sqliteAvailable: true,
        driversAtImport: [],
        fromMemory: { title: 'Hello', version: 1 },
        fromFile: { title: 'Hello', version: 1 },
        driversAfterSQLite: ['better-sqlite3', 'native better_sqlite3.node'],
        oneCopyOfTheLibrary: true,
        missing: {
          pg: { code: 'DRIVER_NOT_INSTALLED', hint: true },
          '@electric-sql/pglite': { code: 'DRIVER_NOT_INSTALLED', hint: true },
        },
      })
    },
  )

  it('type-checks a consumer with plain tsc: strict, skipLibCheck false, NodeNext, the strictest flags', async () => {
    const { code, stdout } = await tool('typescript/bin/tsc', ['-p', '.'], app)
    expect(stdout).toBe('')
    expect(code).toBe(0)
  })

  it("runs the README's examples as written: TypeScript with its setup, and JavaScript", async () => {
    const { typescript, tsconfig, javascript } = readmeExamples(
      readFileSync(join(repoRoot, 'README.md'), 'utf8'),
    )
    const ts = join(app, 'readme-ts')
    const js = join(app, 'readme-js')
    writeFiles(ts, {
      'package.json': '{ "type": "module" }',
      'tsconfig.json': tsconfig,
      'app.ts': typescript,
    })
    writeFiles(js, { 'app.mjs': javascript })
    const compiled = await tool('typescript/bin/tsc', [], ts)
    expect(compiled.stdout).toBe('')
    const [fromTs, fromJs] = await Promise.all([
      run(process.execPath, ['dist/app.js'], ts),
      run(process.execPath, ['app.mjs'], js),
    ])
    expect(fromTs).toMatchObject({ code: 0, stdout: 'Meeting notes\n' })
    expect(fromJs).toMatchObject({ code: 0, stdout: 'Meeting notes\n' })
  })

  it('passes publint, warnings included', async () => {
    const { code, stdout } = await tool(
      'publint/src/cli.js',
      [tarball, '--strict'],
      root,
    )
    expect(stdout).toContain('All good!')
    expect(code).toBe(0)
  })

  it('passes @arethetypeswrong/cli as an ES-module-only package', async () => {
    const { code, stdout } = await tool(
      '@arethetypeswrong/cli/dist/index.js',
      [tarball, '--profile', 'esm-only', '--format', 'json'],
      root,
    )
    expect(code).toBe(0)
    // All that the profile lets pass: require() finding ES modules, which Node 20.19 and newer load, and
    // TypeScript's node10 resolution, which predates "exports" and finds no subpath such as ./testing.
    const { analysis } = JSON.parse(stdout) as {
      analysis: { problems: { kind: string; resolutionKind: string }[] }
    }
    expect(
      new Set(analysis.problems.map((p) => `${p.resolutionKind} ${p.kind}`)),
    ).toEqual(new Set(['node16-cjs CJSResolvesToESM', 'node10 NoResolution']))
  })
})
