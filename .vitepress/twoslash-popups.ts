import type { Element, Root, RootContent } from 'hast'
import { hastToHtml, type ShikiTransformer } from 'shiki'

/**
 * Twoslash writes each hover's popup as elements of the page, and VitePress compiles every element into a
 * call of the page's render function: a lesson page's 850 popups made a 2 MB chunk, which Rollup bundled
 * twice (client and server) and every reader downloaded. A popup is static HTML, so this writes each one as
 * a single string (`v-html`): the same popup, a fraction of the code.
 *
 * Runs after the Twoslash transformer, on the tree it made: a popup is the `v-slot:popper` template of a
 * hover's `v-menu`.
 */
export function twoslashPopupsAsHtml(): ShikiTransformer {
  return {
    name: 'workbook:twoslash-popups-as-html',
    root(root) {
      visit(root)
    },
  }
}

function visit(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'template' && 'v-slot:popper' in child.properties)
      child.content?.children.forEach(asHtml)
    else visit(child)
  }
}

/** The popup element keeps its own tag and attributes; what it holds becomes one HTML string. */
function asHtml(popup: RootContent): void {
  if (popup.type !== 'element') return
  const html = hastToHtml({ type: 'root', children: popup.children })
  delete popup.properties['v-pre']
  popup.properties['v-html'] = JSON.stringify(html)
  popup.children = []
}
