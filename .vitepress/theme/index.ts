import TwoslashFloatingVue from '@shikijs/vitepress-twoslash/client'
import '@shikijs/vitepress-twoslash/style.css'
import { defineAsyncComponent, h, type Component } from 'vue'
import type { Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'
import LessonNav from './components/LessonNav.vue'
import TwoslashHovers from './components/TwoslashHovers.vue'
import './style.css'

/**
 * Every component of components/, under its file's name: a lesson's diagram needs only its file. Each is
 * a chunk of its own, loaded by the pages that use it.
 */
const components = import.meta.glob<Component>('./components/*.vue', {
  import: 'default',
})

export default {
  extends: DefaultTheme,
  // Every lesson page ends with links to the previous and the next lesson (LessonNav shows only there);
  // TwoslashHovers opens the popups of every page's code.
  Layout: () =>
    h(DefaultTheme.Layout, null, {
      'doc-after': () => h(LessonNav),
      'layout-bottom': () => h(TwoslashHovers),
    }),
  enhanceApp({ app }) {
    app.use(TwoslashFloatingVue)
    for (const [path, load] of Object.entries(components))
      app.component(
        path.replace(/^.*\/|\.vue$/g, ''),
        defineAsyncComponent(load),
      )
  },
} satisfies Theme
