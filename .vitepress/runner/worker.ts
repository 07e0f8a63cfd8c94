/**
 * The lesson runner of the site: a module worker that runs a lesson's sections, the code the page shows,
 * and prints what they print back to the page. It starts on a reader's first Run and is reused after.
 */
import sections from 'virtual:workbook-sections'
import type { Request } from './protocol.ts'
import { onRequest, reply } from './worker-scope.ts'
import { errorText, sendConsoleTo } from './console.ts'

let current = 0

sendConsoleTo((stream, text) =>
  reply({ id: current, kind: 'line', stream, text }),
)

async function run(section: string): Promise<void> {
  const load = sections[section]
  if (!load) throw new Error(`There is no runnable section "${section}".`)
  // A lesson's other sections come along, so they run without the network once one has run (one that
  // fails to load fails its own Run, not this one).
  const [lesson] = section.split('/')
  await Promise.allSettled(
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
    reply({ id: data.id, kind: 'done', error: errorText(error) })
  }
}

onRequest((request) => void handle(request))
