/**
 * The lesson runner of the site: a module worker that runs a lesson's sections, the code the page shows,
 * and prints what they print back to the page. It starts on a reader's first Run and is reused after.
 */
import sections from 'virtual:workbook-sections'
import type { Reply, Request } from './protocol.ts'
import { format } from './shims/util.ts'

/** The worker's own scope (the runner's types are the page's, which know no worker globals). */
const scope = self as unknown as {
  postMessage(message: Reply): void
  onmessage: ((event: MessageEvent<Request>) => void) | null
}
const reply = (message: Reply) => scope.postMessage(message)
let current = 0

// Lesson code prints with console.log: each line goes to the run in hand.
const print =
  (stream: 'out' | 'err') =>
  (...values: unknown[]) => {
    for (const text of format(...values).split('\n'))
      reply({ id: current, kind: 'line', stream, text })
  }
console.log = print('out')
console.info = print('out')
console.warn = print('err')
console.error = print('err')

async function run(section: string): Promise<void> {
  const load = sections[section]
  if (!load) throw new Error(`There is no runnable section "${section}".`)
  // A lesson's other sections come along, so they run without the network once one has run.
  const [lesson] = section.split('/')
  await Promise.all(
    Object.entries(sections)
      .filter(([key]) => key.startsWith(`${lesson}/`))
      .map(([, other]) => other()),
  )
  const { default: main } = await load()
  await main()
}

async function handle(data: Request): Promise<void> {
  current = data.id
  try {
    if (data.kind === 'run') await run(data.section)
    reply({ id: data.id, kind: 'done' })
  } catch (error) {
    const text =
      error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    reply({ id: data.id, kind: 'done', error: text })
  }
}

scope.onmessage = ({ data }) => void handle(data)
