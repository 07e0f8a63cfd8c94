import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

/** Debian's Chromium: the tests never download a browser (`.ci/run` installs it with apt-get). */
export const CHROMIUM = '/usr/bin/chromium'

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
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The site tests drive Debian's Chromium at ${CHROMIUM}, which is not installed: run "apt-get install -y chromium" (.ci/run does).`,
    )
  const profile = await mkdtemp(join(tmpdir(), 'workbook-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
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
