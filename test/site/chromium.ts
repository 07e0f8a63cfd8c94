import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

/** Debian's Chromium, where it is installed (apt-get install -y chromium). */
const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/**
 * The browser to drive: the one CHROMIUM_PATH names, else Debian's, else the build that the npm package
 * @sparticuz/chromium ships inside itself (unpacked into the temp dir on first use). Nothing is ever
 * downloaded, so `npm install` brings all the site tests need.
 */
export async function chromiumPath(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH
  if (chosen) {
    if (!existsSync(chosen))
      throw new Error(`CHROMIUM_PATH is ${chosen}, which does not exist.`)
    return chosen
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM
  const { default: packaged } = await import('@sparticuz/chromium')
  return packaged.executablePath()
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface Chromium {
  context: BrowserContext
  close(): Promise<void>
}

/** Chromium with a fresh profile, allowed to use the clipboard of `origin`. */
export async function launchChromium(origin: string): Promise<Chromium> {
  const profile = await mkdtemp(join(tmpdir(), 'workbook-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: await chromiumPath(),
    headless: true,
    args: FLAGS,
    viewport: { width: 1440, height: 900 },
  })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin,
  })
  return {
    context,
    async close() {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
