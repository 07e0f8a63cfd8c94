/**
 * An exercise's stub is made from its reference solution, so the two can never drift apart. In the
 * solution, each part the learner writes is marked:
 *
 *   // #todo migrate()                  the label todo() reports
 *   // TODO 1: read the next batch …    the stub keeps these lines, as they are
 *   // #answer
 *   …the solution's code…               the stub drops it, and calls todo('migrate()') instead
 *   // #endtodo
 *
 * A `// #stub <code>` line before `#answer` puts <code> in the stub instead of the todo() call, for an
 * answer that is not a statement (`// #stub export const TaskCreated = todo('TaskCreated')`).
 */
import { dirname, relative, resolve } from 'node:path'
import { absolutePath } from './paths.ts'

const TODO = /^(\s*)\/\/ #todo (.+)$/
const ANSWER = /^\s*\/\/ #answer$/
const END = /^\s*\/\/ #endtodo$/
const STUB_LINE = /^(\s*)\/\/ #stub (.*)$/
/** The site's snippet regions: they mark the solution's parts, and mean nothing in a stub. */
const REGION = /^\s*\/\/ #(end)?region [\w*-]+$/
const TODO_MODULE = 'lessons/todo.ts'

export class StubMarkerError extends Error {}

/** One marked part: its label, and the line numbers (0-based) of its three markers. */
interface Todo {
  label: string
  indent: string
  start: number
  answer: number
  end: number
}

function findTodos(lines: readonly string[], file: string): Todo[] {
  const todos: Todo[] = []
  let open: Partial<Todo> | undefined
  const fail = (index: number, message: string) => {
    throw new StubMarkerError(`${file}:${index + 1}: ${message}`)
  }
  lines.forEach((line, index) => {
    const todo = TODO.exec(line)
    if (todo) {
      if (open) fail(index, 'a #todo inside another #todo')
      open = { indent: todo[1]!, label: todo[2]!.trim(), start: index }
    } else if (ANSWER.test(line)) {
      if (open?.start === undefined || open.answer !== undefined)
        fail(index, '#answer without its #todo')
      open!.answer = index
    } else if (END.test(line)) {
      if (open?.answer === undefined) fail(index, '#endtodo without #answer')
      todos.push({ ...(open as Todo), end: index })
      open = undefined
    }
  })
  if (open) fail(open.start!, `#todo ${open.label} is never closed`)
  return todos
}

/** The solution as the site shows it: without the markers and the stub's TODO lines. */
export function withoutTodos(source: string, file = 'solution'): string {
  const lines = source.split('\n')
  const hidden = new Set<number>()
  for (const todo of findTodos(lines, file)) {
    for (let index = todo.start; index <= todo.answer; index++)
      hidden.add(index)
    hidden.add(todo.end)
  }
  return lines.filter((_, index) => !hidden.has(index)).join('\n')
}

/** The code without the site's snippet region markers. */
export function withoutRegions(source: string): string {
  return source
    .split('\n')
    .filter((line) => !REGION.test(line))
    .join('\n')
}

/**
 * Rewrites the relative import specifiers of a file that moves from `from` to `to` (paths relative to the
 * repository), so they still point at the same modules.
 */
export function moveImports(source: string, from: string, to: string): string {
  const fromDir = dirname(absolutePath(from))
  const toDir = dirname(absolutePath(to))
  return source.replace(
    /((?:from|import)\s*\(?\s*)(['"])(\.\.?\/[^'"]+)\2/g,
    (_, keyword: string, quote: string, specifier: string) => {
      let moved = relative(toDir, resolve(fromDir, specifier))
      if (!moved.startsWith('.')) moved = `./${moved}`
      return `${keyword}${quote}${moved.replaceAll('\\', '/')}${quote}`
    },
  )
}

/** The stub the solution at `solution` makes, for the learner's file at `file` (paths relative to the repository). */
export async function makeStub(
  source: string,
  solution: string,
  file: string,
): Promise<string> {
  const lines = source.split('\n')
  const todos = findTodos(lines, solution)
  if (todos.length === 0)
    throw new StubMarkerError(
      `${solution} marks no part for the learner: add a // #todo … // #answer … // #endtodo block.`,
    )
  const out: string[] = []
  let next = 0
  for (const todo of todos) {
    out.push(...lines.slice(next, todo.start))
    const kept = lines.slice(todo.start + 1, todo.answer)
    const stubCode = kept.filter((line) => STUB_LINE.test(line))
    out.push(
      ...kept.map((line) =>
        line.replace(
          STUB_LINE,
          (_, indent: string, code: string) => `${indent}${code}`,
        ),
      ),
    )
    if (stubCode.length === 0)
      out.push(`${todo.indent}todo(${JSON.stringify(todo.label)})`)
    next = todo.end + 1
  }
  out.push(...lines.slice(next))
  const code = withoutRegions(out.join('\n'))
  const stub = addTodoImport(moveImports(code, solution, file), file)
  // Prettier is loaded here, not at start-up: most commands (verify) never make a stub.
  const { format, resolveConfig } = await import('prettier')
  const options = await resolveConfig(absolutePath(file))
  return format(stub, { ...options, filepath: absolutePath(file) })
}

/** Imports todo() after the file's last import. */
function addTodoImport(source: string, file: string): string {
  let specifier = relative(
    dirname(absolutePath(file)),
    absolutePath(TODO_MODULE),
  )
  if (!specifier.startsWith('.')) specifier = `./${specifier}`
  const statement = `import { todo } from '${specifier.replaceAll('\\', '/')}'`
  const lines = source.split('\n')
  let last = -1
  for (let index = 0, inImport = false; index < lines.length; index++) {
    const line = lines[index]!
    if (/^import\s/.test(line)) inImport = true
    if (
      inImport &&
      /from\s+['"][^'"]+['"]\s*;?\s*$|^import\s+['"][^'"]+['"]/.test(line)
    ) {
      last = index
      inImport = false
    }
  }
  lines.splice(last + 1, 0, statement)
  return lines.join('\n')
}
