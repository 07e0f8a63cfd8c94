import TwoslashFloatingVue from '@shikijs/vitepress-twoslash/client'
import '@shikijs/vitepress-twoslash/style.css'
import { h } from 'vue'
import type { Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'
import EventLogDiagram from './components/EventLogDiagram.vue'
import LessonNav from './components/LessonNav.vue'
import LessonOutput from './components/LessonOutput.vue'
import MigrationFlowDiagram from './components/MigrationFlowDiagram.vue'
import SeriesMap from './components/SeriesMap.vue'
import SolutionReveal from './components/SolutionReveal.vue'
import SqliteFilesDiagram from './components/SqliteFilesDiagram.vue'
import SqliteVsPostgresDiagram from './components/SqliteVsPostgresDiagram.vue'
import './style.css'

export default {
  extends: DefaultTheme,
  // Every lesson page ends with links to the previous and the next lesson (LessonNav shows only there).
  Layout: () =>
    h(DefaultTheme.Layout, null, { 'doc-after': () => h(LessonNav) }),
  enhanceApp({ app }) {
    app.use(TwoslashFloatingVue)
    app.component('SeriesMap', SeriesMap)
    app.component('SolutionReveal', SolutionReveal)
    app.component('LessonOutput', LessonOutput)
    app.component('EventLogDiagram', EventLogDiagram)
    app.component('SqliteFilesDiagram', SqliteFilesDiagram)
    app.component('SqliteVsPostgresDiagram', SqliteVsPostgresDiagram)
    app.component('MigrationFlowDiagram', MigrationFlowDiagram)
  },
} satisfies Theme
