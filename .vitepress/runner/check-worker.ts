/**
 * Checks an answer typed in the page, as `npm run verify` does: runs the answer, then the exercise's
 * checker against it, and reports each check as it ends. A fresh worker checks each answer, so an answer
 * finds the modules it imports as new as a `verify` run does.
 */
import checks from 'virtual:workbook-checks'
import { transform } from 'sucrase'
import { provideAnswer } from './check-targets.ts'
import { errorText, sendConsoleTo } from './console.ts'
import { onRequest, reply } from './worker-scope.ts'
import { runCollected } from './shims/vitest.ts'

/** How long one check may wait for the answer, as in `verify`: checks take milliseconds. */
const CHECK_TIMEOUT_MS = 5_000

type AsyncFunction = new (
  ...parameters: string[]
) => (...values: unknown[]) => Promise<void>
const AsyncFunction = async function () {}.constructor as AsyncFunction

/**
 * Runs the answer's TypeScript as a module: its types stripped, its imports made `require` calls that get
 * the modules the stub and the solution import (the checker gets the same ones, so they share classes).
 */
async function runAnswer(
  code: string,
  modules: Record<string, () => Promise<Record<string, unknown>>>,
): Promise<unknown> {
  const loaded = new Map<string, Record<string, unknown>>()
  await Promise.all(
    Object.entries(modules).map(async ([specifier, load]) => {
      loaded.set(specifier, { ...(await load()), __esModule: true })
    }),
  )
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

async function check(id: number, exercise: string, code: string) {
  const entry = checks[exercise]
  if (!entry) throw new Error(`Exercise ${exercise} cannot be checked here.`)
  try {
    provideAnswer({ module: await runAnswer(code, entry.modules) })
  } catch (error) {
    provideAnswer({ error })
  }
  await entry.check()
  await runCollected(({ path, name, passed, message }) => {
    const group = path[1] === 'checks' ? 'checks' : 'own'
    reply({ id, kind: 'check', outcome: { name, group, passed, message } })
  }, CHECK_TIMEOUT_MS)
}

onRequest((data) => {
  if (data.kind !== 'check') return
  sendConsoleTo((stream, text) =>
    reply({ id: data.id, kind: 'line', stream, text }),
  )
  check(data.id, data.exercise, data.code).then(
    () => reply({ id: data.id, kind: 'done' }),
    (error: unknown) =>
      reply({ id: data.id, kind: 'done', error: errorText(error) }),
  )
})
