import type { Element, ElementContent, Root } from 'hast'
import { hastToHtml, type ShikiTransformer } from 'shiki'
import type { MarkdownRenderer } from 'vitepress'

/**
 * Twoslash gives every hover of a code block a `v-menu` component holding its popup: 530–850 on a lesson
 * page. Vue compiled those code blocks into a render function of 1–2 MB a page, which the build bundled
 * twice (client and server) and a reader downloaded and hydrated; most of it popups, two in three of them
 * repeats.
 *
 * Instead, a checked block stays static HTML (`v-pre`, as any other block): a hover is a plain
 * `<span class="twoslash-hover" data-popup="N">`, and each distinct popup is written once a page, as a
 * `<template data-popup="N">` at the end of the page. The theme (components/TwoslashHovers.vue) opens it
 * with floating-vue on hover, as the `v-menu` did.
 */
const POPUP_ATTRIBUTE = 'data-popup'

/** The popups of the page being rendered, by their HTML: each distinct popup has one number. */
let pagePopups: Map<string, number> | undefined

/** Runs after the Twoslash transformer, on the tree it made for a block it checked. */
export function twoslashStaticHovers(): ShikiTransformer {
  return {
    name: 'workbook:twoslash-static-hovers',
    root(root) {
      if (!this.meta.twoslash) return
      if (!pagePopups)
        throw new Error('A Twoslash block was rendered outside a page.')
      staticHovers(root, pagePopups)
      const pre = root.children.find(
        (child): child is Element =>
          child.type === 'element' && child.tagName === 'pre',
      )
      if (pre) pre.properties['v-pre'] = ''
    },
  }
}

/** Collects a page's popups while it renders, and writes them at its end. */
export function pagePopupTemplates(md: MarkdownRenderer): void {
  const render = md.render.bind(md)
  md.render = (src, env) => {
    pagePopups = new Map()
    try {
      const html = render(src, env)
      if (pagePopups.size === 0) return html
      const templates = [...pagePopups].map(
        ([popup, n]) =>
          `<template ${POPUP_ATTRIBUTE}="${n}">${popup}</template>`,
      )
      return `${html}\n<div class="twoslash-popups" v-pre hidden>${templates.join('')}</div>\n`
    } finally {
      pagePopups = undefined
    }
  }
}

function staticHovers(node: Root | Element, popups: Map<string, number>) {
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child
    if (child.tagName === 'v-menu') return staticHover(child, popups)
    staticHovers(child, popups)
    return child
  })
}

/** `<v-menu>token<template v-slot:popper>popup</template></v-menu>` to `<span data-popup>token</span>`. */
function staticHover(menu: Element, popups: Map<string, number>): Element {
  if (':shown' in menu.properties)
    throw new Error(
      'A Twoslash query (// ^?) or completion is shown open, which the site does not draw: use a hover.',
    )
  const token: ElementContent[] = []
  const popup: ElementContent[] = []
  for (const child of menu.children) {
    if (child.type === 'element' && child.tagName === 'template')
      popup.push(...((child.content?.children ?? []) as ElementContent[]))
    else token.push(child)
  }
  for (const element of popup)
    if (element.type === 'element') delete element.properties['v-pre']
  const html = hastToHtml({ type: 'root', children: popup })
  let n = popups.get(html)
  if (n === undefined) popups.set(html, (n = popups.size))
  return {
    type: 'element',
    tagName: 'span',
    properties: { class: 'twoslash-hover', [POPUP_ATTRIBUTE]: String(n) },
    children: token,
  }
}

/**
 * Twoslash highlights each hover's type as it draws its popup, and most types repeat: a build drew 7,400
 * popups of 2,400 texts. This highlights each text once, and gives every popup of it a copy.
 */
export function highlightEachPopupOnce(
  twoslash: ShikiTransformer,
): ShikiTransformer {
  const highlighted = new Map<string, Root>()
  const draw = twoslash.code!
  return {
    ...twoslash,
    code(element) {
      const highlight = this.codeToHast
      this.codeToHast = (text, options) => {
        const key = `${options.lang}\n${options.structure}\n${text}`
        let root = highlighted.get(key)
        if (!root) highlighted.set(key, (root = highlight(text, options)))
        return structuredClone(root)
      }
      try {
        return draw.call(this, element)
      } finally {
        this.codeToHast = highlight
      }
    },
  }
}
