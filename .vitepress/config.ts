import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { transformerTwoslash } from '@shikijs/vitepress-twoslash'
import { createTwoslasher } from 'twoslash'
import ts from 'typescript'
import {
  defineConfig,
  type DefaultTheme,
  type MarkdownOptions,
} from 'vitepress'
import { strictSnippets } from './snippets.ts'
import { SOURCE_CONDITION } from '../tools/source-condition.ts'
import { workbookRunner } from './runner-plugin.ts'
import {
  highlightEachPopupOnce,
  pagePopupTemplates,
  twoslashStaticHovers,
} from './twoslash-popups.ts'
import { regionTwoslasher } from './twoslash-regions.ts'
import { series } from '../tools/workbook/series.ts'
import { root } from './workbook.ts'

/** Twoslash checks shown code with the project's own compiler options, as `npm run typecheck` does. */
function projectCompilerOptions(): ts.CompilerOptions {
  const tsconfig = ts.readConfigFile(
    join(root, 'tsconfig.json'),
    ts.sys.readFile,
  )
  return ts.convertCompilerOptionsFromJson(
    tsconfig.config.compilerOptions,
    root,
  ).options
}

// @shikijs/vitepress-twoslash is built on Shiki 4 and VitePress 1.6 on Shiki 2: their transformer types differ
// in name only, and the transformer runs unchanged on either.
type CodeTransformer = NonNullable<MarkdownOptions['codeTransformers']>[number]

/** Every page in `docs/guide/`, titled by its first heading, so a new guide shows up in the sidebar. */
function guidePages(): DefaultTheme.SidebarItem[] {
  const dir = join(root, 'docs/guide')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const heading =
        /^# (.+)$/m.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ??
        file.replace(/\.md$/, '')
      return {
        text: heading.replace(/`/g, ''),
        link: `/guide/${file.replace(/\.md$/, '')}`,
      }
    })
}
const guides = guidePages()

/** The lesson pages, `docs/lessons/NN-slug.md`, in the series' phases: a phase shows once it has a page. */
function lessonGroups(): DefaultTheme.SidebarItem[] {
  const pages = readdirSync(join(root, 'docs/lessons')).filter((file) =>
    /^\d{2}-.+\.md$/.test(file),
  )
  const groups: DefaultTheme.SidebarItem[] = []
  for (const lesson of series) {
    const page = pages.find((file) =>
      file.startsWith(`${String(lesson.number).padStart(2, '0')}-`),
    )
    if (!page) continue
    let group = groups.find((candidate) => candidate.text === lesson.phase)
    if (!group) groups.push((group = { text: lesson.phase, items: [] }))
    group.items!.push({
      text: `${lesson.number} · ${lesson.title}`,
      link: `/lessons/${page.replace(/\.md$/, '')}`,
    })
  }
  return groups
}

const TWOSLASH_LANGS = ['ts', 'tsx']
/** Set while the local search renders a page for its index (see `_render` below). */
let indexing = false

const twoslashOptions = {
  vfsRoot: root,
  compilerOptions: projectCompilerOptions(),
  // Every reader knows `console`, and its hover carries a page of Node's docs into every block.
  shouldGetHoverInfo: (identifier: string) => identifier !== 'console',
}

export default defineConfig({
  title: 'Event Sourcing Workbook',
  titleTemplate: ':title · Event Sourcing Workbook for TypeScript',
  description:
    'Learn event sourcing in TypeScript by running it: lessons, exercises and a real library.',
  srcDir: 'docs',
  cleanUrls: true,
  lastUpdated: false,
  appearance: true,
  head: [['link', { rel: 'icon', href: '/logo.svg', type: 'image/svg+xml' }]],
  markdown: {
    theme: { light: 'github-light', dark: 'github-dark' },
    codeTransformers: [
      highlightEachPopupOnce(
        transformerTwoslash({
          // Every TypeScript block is checked, not only those marked `twoslash`; a type error fails the build.
          explicitTrigger: false,
          langs: TWOSLASH_LANGS,
          throws: true,
          // Each lesson file is checked once, however many of its regions the pages show.
          twoslasher: regionTwoslasher(createTwoslasher(twoslashOptions)),
          twoslashOptions,
          filter: (lang) => !indexing && TWOSLASH_LANGS.includes(lang),
        }),
      ) as unknown as CodeTransformer,
      twoslashStaticHovers() as unknown as CodeTransformer,
    ],
    config: (md) => {
      strictSnippets(md, root)
      pagePopupTemplates(md)
    },
  },
  vite: {
    resolve: {
      // The library by its package name, as lessons import it, from its source; in the runner worker its
      // `#sqlite-engine` import then takes the browser's engine, sqlite-wasm.
      conditions: [SOURCE_CONDITION, 'browser', 'module', 'import', 'default'],
      // Node's modules that lesson code and checkers use, as a browser has them (the sections that need
      // more say so); vitest as the check worker runs a checker; and a checker's answer: the one typed in
      // the page.
      alias: [
        ...[
          ['node:crypto', 'shims/crypto.ts'],
          ['node:fs', 'shims/fs.ts'],
          ['node:path', 'shims/path.ts'],
          ['node:util', 'shims/util.ts'],
          ['node:timers/promises', 'shims/timers-promises.ts'],
          ['node:assert/strict', 'shims/assert.ts'],
          ['pg', 'shims/pg.ts'],
          ['vitest', 'shims/vitest.ts'],
        ].map(([module, shim]) => ({
          find: new RegExp(`^${module}$`),
          replacement: join(root, '.vitepress/runner', shim!),
        })),
        {
          find: /^.*\/tools\/workbook\/check-targets\.ts$/,
          replacement: join(root, '.vitepress/runner/check-targets.ts'),
        },
      ],
    },
    // sqlite-wasm finds its .wasm file beside its module: pre-bundling would move the module away from it.
    optimizeDeps: { exclude: ['@sqlite.org/sqlite-wasm'] },
    // Checkers await at their top level (Safari 15, Chrome 89, Firefox 89 and later run that).
    build: { target: 'es2022' },
    // Minified, lesson code still prints its classes' names: errors are named after their class.
    esbuild: { keepNames: true },
    plugins: [workbookRunner()],
    worker: { format: 'es', plugins: () => [workbookRunner()] },
  },
  themeConfig: {
    logo: '/logo.svg',
    siteTitle: 'ES Workbook',
    search: {
      provider: 'local',
      options: {
        // A reference solution is a spoiler: the search does not index it. The index keeps a page's text
        // only, so its code goes without Twoslash, whose hovers it would only throw away.
        _render: (src, env, md) => {
          indexing = true
          try {
            return md.render(
              src.replace(/<SolutionReveal[\s\S]*?<\/SolutionReveal>/g, ''),
              env,
            )
          } finally {
            indexing = false
          }
        },
      },
    },
    nav: [
      { text: 'Lesson 1', link: '/lessons/01-introduction' },
      { text: 'Exercises', link: '/exercises' },
      { text: 'Reference', link: '/reference' },
      { text: 'Series', link: '/series' },
    ],
    sidebar: [
      {
        text: 'Start',
        items: [
          { text: 'The workbook', link: '/' },
          { text: 'Series map', link: '/series' },
        ],
      },
      ...lessonGroups(),
      { text: 'Practice', items: [{ text: 'Exercises', link: '/exercises' }] },
      ...(guides.length > 0 ? [{ text: 'Guides', items: guides }] : []),
      { text: 'Library', items: [{ text: 'Reference', link: '/reference' }] },
    ],
    outline: { level: [2, 3] },
    docFooter: { prev: false, next: false },
    footer: {
      message:
        'Every code block on this site is imported from the lessons that run, and type-checked at build time.',
    },
  },
})
