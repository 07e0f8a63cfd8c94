/**
 * Checks an answer typed in the page, as `npm run verify` does: runs the answer, then the exercise's
 * checker against it, and reports each check as it ends. A fresh worker checks each answer, so an answer
 * finds the modules it imports as new as a `verify` run does.
 */
import checks from 'virtual:workbook-checks'
import { transform } from 'sucrase'
import { groupOf } from '../../tools/workbook/test-groups.ts'
import { provideAnswer } from './check-targets.ts'
import { reply, serve } from './worker-scope.ts'
import { runCollected } from './shims/vitest.ts'

/**
 * How long one check may wait for the answer: checks take milliseconds. Shorter than verify's 10 s, as the
 * page stops a worker that stays silent for 10 s (runs.ts), and a check that times out must say so first.
 */
const CHECK_TIMEOUT_MS = 5_000

type Modules = Map<string, Record<string, unknown>>

type AsyncFunction = new (
  ...parameters: string[]
) => (...values: unknown[]) => Promise<void>
const AsyncFunction = async function () {}.constructor as AsyncFunction

/**
 * Runs the answer's TypeScript as a module: its types stripped, its imports made `require` calls that get
 * the modules the stub and the solution import (the checker gets the same ones, so they share classes).
 */
async function runAnswer(code: string, loaded: Modules): Promise<unknown> {
  const { code: script } = transform(code, {
    transforms: ['typescript', 'imports'],
    filePath: 'answer.ts',
  })
  const require = (specifier: string) => {
    const found = loaded.get(specifier)
    if (found) return found
    throw new Error(
      `Your answer imports "${specifier}", which the page does not have: here an answer can import ` +
        `${[...loaded.keys()].join(', ')}. Check it on your machine with npm run verify.`,
    )
  }
  const module = { exports: {} as Record<string, unknown> }
  await new AsyncFunction('exports', 'require', 'module', script)(
    module.exports,
    require,
    module,
  )
  return module.exports
}

/** The modules an answer may import, by the specifiers it writes, as `require` hands them to it. */
async function loadModules(
  modules: Record<string, () => Promise<Record<string, unknown>>>,
): Promise<Modules> {
  const loaded: Modules = new Map()
  await Promise.all(
    Object.entries(modules).map(async ([specifier, load]) => {
      loaded.set(specifier, { ...(await load()), __esModule: true })
    }),
  )
  return loaded
}

serve(async (request, loaded) => {
  if (request.kind !== 'check') throw new Error('This worker checks answers.')
  const entry = checks[request.exercise]
  if (!entry)
    throw new Error(`Exercise ${request.exercise} cannot be checked here.`)
  const modules = await loadModules(entry.modules)
  loaded()
  try {
    provideAnswer({ module: await runAnswer(request.code, modules) })
  } catch (error) {
    provideAnswer({ error })
  }
  await entry.check()
  await runCollected(({ path, name, passed, message }) => {
    const group = groupOf(path)
    // A probe runs the answer on broken code to read its results: it is meant to fail, and is no check.
    if (group === 'probes') return
    reply({
      id: request.id,
      kind: 'check',
      outcome: { name, group, passed, message },
    })
  }, CHECK_TIMEOUT_MS)
})
