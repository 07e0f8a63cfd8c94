/**
 * The built site in a real browser: builds it once, serves the build on 127.0.0.1 and drives Debian's
 * Chromium through playwright-core. Each lesson page is opened once and checked as a reader goes through
 * it: what it shows, light and dark, every Run button, every exercise editor. Screenshots and measurements
 * go to test-results/site/.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  findExercise,
  loadCourse,
  type Lesson,
} from '../../tools/workbook/course.ts'
import { solutionAt, stubOf } from '../../tools/workbook/derived.ts'
import { launchChromium, type Chromium } from './chromium.ts'
import {
  artifacts,
  checkInPage,
  comparable,
  isPrefetch,
  runInPage,
  screenshot,
  shownSections,
  transferred,
} from './in-page.ts'
import { regionText, root, snippetReferences } from './snippet-references.ts'
import { serveStatic, type StaticSite } from './static-server.ts'

const LESSON = '/lessons/12-sqlite'
const { lessons } = await loadCourse()

let outDir: string
let site: StaticSite
let chromium: Chromium
let buildSeconds: number | undefined

/** What a page showed while it was open: problems, links and the ids links may point to. */
interface Visit {
  problems: string[]
  links: string[]
  ids: string[]
}
const visits = new Map<string, Promise<Visit>>()

/** The build's pages as URL paths: `index.html` is `/`, `reference.html` is `/reference`. */
async function builtPages(): Promise<string[]> {
  const files = (await readdir(outDir, { recursive: true })).filter(
    (file) => file.endsWith('.html') && file !== '404.html',
  )
  return files
    .map(
      (file) =>
        `/${file.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}`,
    )
    .sort()
}

/** Pages a test is reloading: the reload cancels what the page was still fetching, no fault of the site's. */
const reloading = new WeakSet<Page>()

async function reload(page: Page): Promise<void> {
  reloading.add(page)
  try {
    await page.reload({ waitUntil: 'networkidle' })
  } finally {
    reloading.delete(page)
  }
}

/** Opens a page in light mode, recording console errors, uncaught exceptions and failed requests. */
async function open(path: string, problems: string[] = []): Promise<Page> {
  const page = await chromium.context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push(`console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText
    const cancelled = reloading.has(page) && error === 'net::ERR_ABORTED'
    if (!isPrefetch(request) && !cancelled)
      problems.push(`request failed: ${request.url()} (${error})`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(site.url + path, { waitUntil: 'networkidle' })
  return page
}

/** The links and ids of an open page; its problems keep growing while it stays open. */
async function visitOf(page: Page, problems: string[]): Promise<Visit> {
  const { links, ids } = await page.evaluate<Omit<Visit, 'problems'>>(`({
    links: [...document.querySelectorAll('a[href]')].map((a) => a.href),
    ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
  })`)
  return { problems, links, ids }
}

/** A page's visit: the one its lesson's tests made, or a page opened and closed for it. */
function visit(path: string): Promise<Visit> {
  if (!visits.has(path)) {
    visits.set(
      path,
      (async () => {
        const problems: string[] = []
        const page = await open(path, problems)
        const seen = await visitOf(page, problems)
        await page.close()
        return seen
      })(),
    )
  }
  return visits.get(path)!
}

/** The build runs as `npm run docs:build` does, apart from the output directory and vitest's variables. */
function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV',
    ),
  )
}

// A build that outlives its budget is stopped, not left to run on beside the next tests.
const building = new AbortController()

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'workbook-site-'))
  const started = performance.now()
  await promisify(execFile)(
    process.execPath,
    [
      join(root, 'node_modules/vitepress/bin/vitepress.js'),
      'build',
      '--outDir',
      outDir,
    ],
    {
      cwd: root,
      env: buildEnv(),
      maxBuffer: 64 * 1024 * 1024,
      signal: building.signal,
    },
  )
  buildSeconds = (performance.now() - started) / 1000
  site = await serveStatic(outDir)
  chromium = await launchChromium(site.url)
  await mkdir(artifacts, { recursive: true })
}, 600_000) // two to three minutes here; far longer when every core is busy with other tests

afterAll(async () => {
  building.abort()
  // A build stopped halfway leaves VitePress's scratch files; a finished one removes them itself.
  if (buildSeconds === undefined)
    await rm(join(root, '.vitepress/.temp'), { recursive: true, force: true })
  await chromium?.close()
  await site?.close()
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

describe.each(lessons)(
  'the page of lesson $number',
  { timeout: 60_000 },
  (lesson: Lesson) => {
    const path = `/lessons/${lesson.slug}`
    const problems: string[] = []
    let page: Page
    beforeAll(async () => {
      page = await open(path, problems)
      visits.set(path, visitOf(page, problems))
    })
    afterAll(() => page?.close())

    it('shows what its sections print, links to the lessons around it, and has code that never scrolls sideways', async () => {
      expect(
        await page.locator('.vp-doc .lesson-output').count(),
        'output blocks',
      ).toBeGreaterThan(0)
      expect(
        await page.locator('.lesson-nav a').count(),
        'links to the lessons before and after it',
      ).toBeGreaterThan(0)
      const wide = await page.evaluate<string[]>(
        `[...document.querySelectorAll('.vp-doc div[class*="language-"] pre')]
          .filter((pre) => pre.scrollWidth > pre.clientWidth + 1)
          .map((pre) => Math.max(...pre.textContent.split('\\n').map((line) => line.length)) + ': ' + pre.textContent.split('\\n').reduce((a, b) => (b.length > a.length ? b : a)))`,
      )
      expect(wide, 'code blocks wider than the column').toEqual([])
    })

    it('copies a code block exactly as the lesson file has it', async () => {
      const block = page.locator('.vp-doc div[class*="language-ts"]').first()
      await block.hover()
      await block.locator('button.copy').click()
      await expect
        .poll(() => block.locator('button.copy.copied').count())
        .toBe(1)
      const copied = await page.evaluate<string>(
        'navigator.clipboard.readText()',
      )
      const shown = snippetReferences(`${path.slice(1)}.md`).map(
        ({ file, region }) =>
          regionText(readFileSync(join(root, file), 'utf8'), region!),
      )
      expect(shown).toContain(copied.replace(/\n$/, ''))
    })

    it('renders in light and dark mode', async () => {
      const isDark = () =>
        page.evaluate<boolean>(
          `document.documentElement.classList.contains('dark')`,
        )
      expect(await isDark()).toBe(false)
      // /lessons/01-introduction is lesson-01-introduction-light.jpg: a picture of its diagrams and code.
      const name = `lesson-${lesson.slug}`
      await screenshot(page, `${name}-light.jpg`)
      const toggle = page.locator('.VPNavBarAppearance .VPSwitchAppearance')
      await toggle.click()
      expect(await isDark()).toBe(true)
      // Its first screen: the whole page again took as long as the light one, half of this test's time.
      await screenshot(page, `${name}-dark.jpg`, { whole: false })
      await toggle.click() // the choice is remembered: leave light mode for the next page
      expect(await isDark()).toBe(false)
    })

    it('has a Run button wherever a browser can run a section, and each run prints what npm run lesson prints', async () => {
      const differences: string[] = []
      // A Run button exactly where the manifest says a browser can run the section.
      const shown = await shownSections(page)
      for (const { section, runnable } of shown) {
        const { notInBrowser } = lesson.sections.find(
          ({ name }) => `${lesson.number}/${name}` === section,
        )!
        if (runnable === Boolean(notInBrowser))
          differences.push(
            `${section}: ${runnable ? 'a Run button, but its manifest says notInBrowser' : 'no Run button, but a browser can run it'}`,
          )
      }
      for (const { section } of shown.filter((block) => block.runnable)) {
        const output = page.locator(`#output-${section.replace('/', '-')}`)
        const built = (await output.locator('pre').textContent())!
        const { state, text } = await runInPage(page, section)
        if (state !== 'done')
          differences.push(`${section}: it failed:\n${text}`)
        else if (comparable(text) !== comparable(built))
          differences.push(
            `${section}: the page printed\n${text}\nbut npm run lesson printed\n${built}`,
          )
      }
      expect(differences).toEqual([])
    })

    const checkable = lesson.exercises.filter(
      (exercise) => !exercise.notInBrowser,
    )
    if (checkable.length > 0)
      it('has an editor for every exercise a browser can check: its stub fails the checks, its solution passes them', async () => {
        const wrong: string[] = []
        for (const exercise of checkable) {
          const editor = page.locator(
            `.exercise-editor[data-exercise="${exercise.id}"]`,
          )
          if ((await editor.count()) !== 1) {
            wrong.push(`${exercise.id}: no editor on its page`)
            continue
          }
          await expect
            .poll(() => editor.locator('textarea').inputValue())
            .toBe(await stubOf(exercise))
          const stub = await checkInPage(page, exercise.id)
          if (stub.state !== 'failed' || !/TODO/.test(stub.text))
            wrong.push(
              `${exercise.id}: its stub did not fail with a TODO:\n${stub.text}`,
            )
          const solution = await checkInPage(
            page,
            exercise.id,
            solutionAt(exercise),
          )
          if (solution.state !== 'passed')
            wrong.push(
              `${exercise.id}: its solution did not pass:\n${solution.text}`,
            )
        }
        expect(wrong).toEqual([])
      })

    it('meets no console error, uncaught exception or failed request along the way', () => {
      expect(problems).toEqual([])
    })
  },
)

describe('the built site, in Chromium', { timeout: 120_000 }, () => {
  it('has the workbook pages, and a page for every lesson', async () => {
    const pages = await builtPages()
    expect(pages).toEqual(
      expect.arrayContaining([
        '/',
        '/exercises',
        LESSON,
        '/reference',
        '/series',
      ]),
    )
    expect(pages.filter((path) => path.startsWith('/lessons/'))).toEqual(
      lessons.map((lesson) => `/lessons/${lesson.slug}`).sort(),
    )
  })

  it('loads every page without console errors or failed requests', async () => {
    const problems: string[] = []
    for (const path of await builtPages())
      problems.push(
        ...(await visit(path)).problems.map((problem) => `${path}: ${problem}`),
      )
    expect(problems).toEqual([])
  })

  it('resolves every internal link, and the heading each one points to', async () => {
    const paths = await builtPages()
    const broken: string[] = []
    for (const path of paths) {
      for (const link of new Set((await visit(path)).links)) {
        const url = new URL(link)
        if (url.origin !== site.url) continue
        const target = url.pathname
          .replace(/\.html$/, '')
          .replace(/(.)\/$/, '$1')
        if (paths.includes(target)) {
          const id = decodeURIComponent(url.hash.slice(1))
          if (id && !(await visit(target)).ids.includes(id))
            broken.push(`${path} → ${target}#${id}: no such heading`)
        } else {
          const response = await chromium.context.request.get(link)
          if (!response.ok())
            broken.push(`${path} → ${url.pathname}: HTTP ${response.status()}`)
        }
      }
    }
    expect(broken).toEqual([])
  })

  it('navigates with the sidebar', async () => {
    const page = await open(LESSON)
    const sidebar = page.locator('.VPSidebar')
    const links = await page.evaluate<{ text: string; href: string }[]>(
      `[...document.querySelectorAll('.VPSidebar a.VPLink')].map((a) => ({ text: a.textContent.trim(), href: a.pathname }))`,
    )
    expect(links.length).toBeGreaterThanOrEqual(4)
    for (const link of links.filter((candidate) => candidate.href !== '/')) {
      await sidebar.getByRole('link', { name: link.text, exact: true }).click()
      await page.waitForURL((url) => url.pathname === link.href)
      await expect
        .poll(() =>
          sidebar
            .locator('.is-active a.VPLink, a.VPLink.active')
            .first()
            .textContent(),
        )
        .toContain(link.text)
      expect(await page.locator('.vp-doc h1').first().textContent()).not.toBe(
        '',
      )
    }
    await page.close()
  })

  it('finds the lesson when searching for "WAL"', async () => {
    const page = await open('/')
    await page.locator('.VPNavBarSearch button').click()
    await page.locator('#localsearch-input').fill('WAL')
    const results = page.locator('.VPLocalSearchBox .results a')
    await expect.poll(() => results.count()).toBeGreaterThan(0)
    const hrefs = await page.evaluate<string[]>(
      `[...document.querySelectorAll('.VPLocalSearchBox .results a')].map((a) => a.pathname)`,
    )
    expect(hrefs).toContain(LESSON)
    await page
      .locator(`.VPLocalSearchBox .results a[href^="${LESSON}"]`)
      .first()
      .click()
    await page.waitForURL((url) => url.pathname === LESSON)
    await page.close()
  })

  it('keeps each reference solution hidden until the reader asks, and out of the search', async () => {
    const page = await open(LESSON)
    const reveal = page.locator('.solution-reveal').first()
    const exercise = await reveal.getAttribute('data-exercise')
    expect(await reveal.locator('pre').count(), 'nothing of it shows').toBe(0)
    await expect
      .poll(() => page.content())
      .not.toContain('closes the store once the test is done')
    await reveal.getByRole('button', { name: /spoiler/ }).click()
    expect(await reveal.locator('pre').count()).toBeGreaterThan(0)
    expect(await reveal.textContent()).toContain(
      `Reference solution of ${exercise}`,
    )
    await page.close()

    // The search index holds no line of a solution: not even this comment of 12-1's.
    const index = (await readdir(join(outDir, 'assets/chunks')))
      .filter((file) => file.startsWith('@localSearchIndex'))
      .map((file) => readFileSync(join(outDir, 'assets/chunks', file), 'utf8'))
      .join('')
    expect(index).toContain('fresh-registry pitfall')
    expect(index).not.toContain('closes the store once the test is done')
  })

  it('shows type information when hovering over code', async () => {
    const page = await open(LESSON)
    const hovers = page.locator('.vp-doc .twoslash-hover')
    expect(await hovers.count()).toBeGreaterThan(50)
    await page
      .locator('.vp-doc .twoslash-hover', { hasText: /^SQLiteEventStore$/ })
      .first()
      .hover()
    const popup = page.locator('.v-popper__popper--shown .twoslash-popup-code')
    await expect
      .poll(() => popup.first().textContent())
      .toMatch(/new SQLiteEventStore\(database: string.*\): SQLiteEventStore/)
    await page.close()
  })

  it('measures the build and the weight of the lesson page', async () => {
    const page = await chromium.context.newPage()
    const session = await chromium.context.newCDPSession(page)
    await session.send('Network.setCacheDisabled', { cacheDisabled: true })
    // The page a reader opens; the pages its links show, which the browser prefetches when idle, apart.
    const { bytes, requests } = await transferred(page, () =>
      page.goto(site.url + LESSON, { waitUntil: 'networkidle' }),
    )
    await page.close()
    expect(requests).toBeGreaterThan(1)
    const metrics = {
      buildSeconds: Number(buildSeconds!.toFixed(1)),
      lessonPage: { path: LESSON, bytesTransferred: bytes, requests },
    }
    await writeFile(
      join(artifacts, 'metrics.json'),
      `${JSON.stringify(metrics, null, 2)}\n`,
    )
    console.log(
      `site: built in ${metrics.buildSeconds} s; ${LESSON} transfers ${(bytes / 1024).toFixed(0)} KiB in ${requests} requests, prefetches apart`,
    )
  })
})

describe('lessons run in the page', { timeout: 120_000 }, () => {
  const measured: Record<string, unknown> = {}
  afterAll(async () => {
    await writeFile(
      join(artifacts, 'runner.json'),
      `${JSON.stringify(measured, null, 2)}\n`,
    )
  })

  it('says which sections run only on the reader’s machine, and why', async () => {
    const page = await open(LESSON)
    const note = page.locator('#output-12-file-based figcaption')
    await expect
      .poll(() => note.textContent())
      .toMatch(/runs on your machine only, as it writes a database file/)
    expect(
      await page
        .locator('.runnable-code[data-section="12/file-based"] button.run')
        .count(),
    ).toBe(0)
    await page.close()
  })

  it('loads no engine until Run, keeps SQLite’s first Run within 600 KB, reuses its worker, and works offline after', async () => {
    const page = await chromium.context.newPage()
    // A first Run, as a new reader's: nothing of the runner in the cache (earlier tests ran sections).
    const session = await chromium.context.newCDPSession(page)
    await session.send('Network.clearBrowserCache')
    await session.detach()
    const requests: string[] = []
    page.on('request', (request) => void requests.push(request.url()))
    await page.goto(site.url + LESSON, { waitUntil: 'networkidle' })
    const engine = (url: string) => /worker|\.wasm/.test(url)
    expect(requests.filter(engine), 'before any Run').toEqual([])
    expect(await page.evaluate<boolean>('crossOriginIsolated')).toBe(false)

    const started = performance.now()
    const { bytes } = await transferred(page, async () => {
      expect((await runInPage(page, '12/in-memory')).state).toBe('done')
    })
    const firstRunMs = performance.now() - started
    expect(bytes, 'bytes of the first Run of a SQLite section').toBeLessThan(
      600 * 1024,
    )
    const workers = requests.filter((url) => /worker-.*\.js/.test(url)).length

    await chromium.context.setOffline(true)
    try {
      expect((await runInPage(page, '12/in-memory')).state, 'offline').toBe(
        'done',
      )
    } finally {
      await chromium.context.setOffline(false)
    }
    expect(
      requests.filter((url) => /worker-.*\.js/.test(url)).length,
      'one worker',
    ).toBe(workers)
    measured.firstSQLiteRun = {
      path: LESSON,
      bytesTransferred: bytes,
      wallMs: Math.round(firstRunMs),
      firstOutputMs: await page.evaluate<number | undefined>(
        `document.querySelector('#output-12-in-memory')?.dataset.firstOutputMs`,
      ),
    }
    console.log(
      `runner: first Run of a SQLite section transfers ${(bytes / 1024).toFixed(0)} KiB, ${Math.round(firstRunMs)} ms wall`,
    )
    await page.close()
  })
})

describe('exercises in the page', { timeout: 120_000 }, () => {
  it('keeps the answer in the browser, starts over from the stub, and stops an answer that never ends', async () => {
    const exercise = await findExercise('01-1')
    const editor = (page: Page) =>
      page.locator('.exercise-editor[data-exercise="01-1"]')
    const problems: string[] = []
    const page = await open('/lessons/01-introduction', problems)
    // The answers checked before this test are kept in this browser, as a reader's are: start without.
    await page.evaluate('localStorage.clear()')
    await reload(page)
    const stub = await stubOf(exercise)
    const text = editor(page).locator('textarea')
    await expect.poll(() => text.inputValue()).toBe(stub)

    await text.fill(`// mine\n${stub}`)
    await reload(page)
    await expect.poll(() => text.inputValue()).toBe(`// mine\n${stub}`)
    page.once('dialog', (dialog) => void dialog.accept())
    await editor(page).locator('button.start-over').click()
    await expect.poll(() => text.inputValue()).toBe(stub)

    const forever = await checkInPage(
      page,
      '01-1',
      'export function balanceOf() {\n  for (;;) {}\n}\n',
    )
    expect(forever.state).toBe('failed')
    expect(forever.text).toMatch(/Stopped after 10 s .*a loop that never ends/)
    const after = await checkInPage(page, '01-1', solutionAt(exercise))
    expect(after.state, 'a new checker after the stopped one').toBe('passed')
    expect(problems).toEqual([])
    await page.close()
  })
})
