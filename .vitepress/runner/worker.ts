/**
 * The lesson runner of the site: a module worker that runs a lesson's sections, the code the page shows,
 * and prints what they print back to the page. It starts on a reader's first Run and is reused after.
 */
import sections from 'virtual:workbook-sections'
import { serve } from './worker-scope.ts'

serve(async (request, loaded) => {
  if (request.kind !== 'run') throw new Error('This worker runs sections.')
  const load = sections[request.section]
  if (!load)
    throw new Error(`There is no runnable section "${request.section}".`)
  // The lesson's other sections come along in the background, so they run without the network once
  // one has run (one that fails to load fails its own Run, not this one).
  const [lesson, name] = request.section.split('/')
  void Promise.allSettled(
    Object.entries(sections)
      .filter(([key]) => key.startsWith(`${lesson}/`))
      .map(([, other]) => other()),
  )
  const { default: main } = await load()
  loaded()
  await main({ sections: [name!] }) // one Run, one section
})
