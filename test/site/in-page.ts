/** What the site tests do in a page: run a section, check an exercise, take a screenshot, count bytes. */
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { Page, Request } from 'playwright-core'
import { expect } from 'vitest'
import { root } from './snippet-references.ts'

/** Screenshots and measurements, to look at after a run. */
export const artifacts = join(root, 'test-results/site')

/**
 * A picture of the page: by default the whole of it, with the sidebar drawn full length (the viewport
 * grows to the page instead of scrolling), else its first screen. A JPEG (`name` ends in `.jpg`): a lesson
 * page is over 20,000 pixels tall, and PNG took twice as long.
 */
export async function screenshot(
  page: Page,
  name: string,
  { whole = true }: { whole?: boolean } = {},
): Promise<void> {
  const viewport = page.viewportSize()!
  if (whole) {
    const height = await page.evaluate<number>(
      'document.documentElement.scrollHeight',
    )
    await page.setViewportSize({ width: viewport.width, height })
  }
  await page.screenshot({ path: join(artifacts, name), quality: 85 })
  if (whole) await page.setViewportSize(viewport)
  expect(
    (await readFile(join(artifacts, name))).length,
    `${relative(root, join(artifacts, name))} is empty`,
  ).toBeGreaterThan(10_000)
}

/** What a section prints, apart from what differs between two runs: ids, times, durations, paths. */
export function comparable(output: string): string {
  return output
    .replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
      '<id>',
    )
    .replace(/\b[0-9a-f]{8}\b/g, '<id>') // an id's first characters
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/\d+(\.\d+)? ?(ms|s)\b/g, '<duration>')
    .replace(/\/tmp\/\S+/g, '<path>')
    .trim()
}

/**
 * Whether the browser fetched this while idle, for a page a link points to (VitePress prefetches every page
 * its links show): not part of what the reader asked for, and cancelled, harmlessly, when the page goes.
 */
export function isPrefetch(request: Request): boolean {
  const headers = request.headers()
  return /prefetch/.test(headers['sec-purpose'] ?? headers['purpose'] ?? '')
}

/**
 * What a page and its workers fetch while `work` runs, prefetches apart: the requests, and their bytes as
 * the network counts them (compressed, with headers). Playwright's request events include the workers'
 * requests, which the page's CDP session misses.
 */
export async function transferred(
  page: Page,
  work: () => Promise<unknown>,
): Promise<{ bytes: number; requests: number }> {
  const sizes: Promise<number>[] = []
  const count = (request: Request) => {
    if (isPrefetch(request)) return
    sizes.push(
      request
        .sizes()
        .then((size) => size.responseBodySize + size.responseHeadersSize),
    )
  }
  page.on('requestfinished', count)
  await work()
  page.off('requestfinished', count)
  const all = await Promise.all(sizes)
  return {
    bytes: all.reduce((sum, size) => sum + size, 0),
    requests: all.length,
  }
}

/** The sections of a page whose code it shows, in page order, and whether they have Run buttons. */
export async function shownSections(
  page: Page,
): Promise<{ section: string; runnable: boolean }[]> {
  const blocks = await page.evaluate<{ section: string; runnable: boolean }[]>(
    `[...document.querySelectorAll('.runnable-code')].map((block) => ({ section: block.dataset.section, runnable: !!block.querySelector('button.run') }))`,
  )
  return blocks.filter(
    (block, index) =>
      blocks.findIndex((other) => other.section === block.section) === index,
  )
}

/** Clicks the first Run button of a section, and waits for its output block to say the run ended. */
export async function runInPage(
  page: Page,
  section: string,
): Promise<{ state: string; text: string }> {
  const output = page.locator(`#output-${section.replace('/', '-')}`)
  await page
    .locator(`.runnable-code[data-section="${section}"] button.run`)
    .first()
    .click()
  await expect
    .poll(() => output.getAttribute('data-state'), { timeout: 20_000 })
    .toMatch(/^(done|failed)$/)
  return {
    state: (await output.getAttribute('data-state'))!,
    text: (await output.locator('pre').textContent())!,
  }
}

/** Checks what an exercise's editor holds, and waits for the verdict: `passed` or `failed`, and the text. */
export async function checkInPage(
  page: Page,
  exercise: string,
  answer?: string,
): Promise<{ state: string; text: string }> {
  const editor = page.locator(`.exercise-editor[data-exercise="${exercise}"]`)
  if (answer !== undefined) await editor.locator('textarea').fill(answer)
  await editor.locator('button.check').click()
  await expect
    .poll(() => editor.getAttribute('data-state'), { timeout: 20_000 })
    .toMatch(/^(passed|failed)$/)
  return {
    state: (await editor.getAttribute('data-state'))!,
    text: await editor.locator('.results').innerText(),
  }
}
