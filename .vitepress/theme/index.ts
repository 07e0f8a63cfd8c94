import TwoslashFloatingVue from '@shikijs/vitepress-twoslash/client'
import '@shikijs/vitepress-twoslash/style.css'
import type { Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'
import CausationChainDiagram from './components/CausationChainDiagram.vue'
import EventAnatomyDiagram from './components/EventAnatomyDiagram.vue'
import EventLogDiagram from './components/EventLogDiagram.vue'
import LessonOutput from './components/LessonOutput.vue'
import MigrationFlowDiagram from './components/MigrationFlowDiagram.vue'
import SeriesMap from './components/SeriesMap.vue'
import SolutionReveal from './components/SolutionReveal.vue'
import SqliteFilesDiagram from './components/SqliteFilesDiagram.vue'
import SqliteVsPostgresDiagram from './components/SqliteVsPostgresDiagram.vue'
import './style.css'

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.use(TwoslashFloatingVue)
    app.component('SeriesMap', SeriesMap)
    app.component('SolutionReveal', SolutionReveal)
    app.component('LessonOutput', LessonOutput)
    app.component('EventLogDiagram', EventLogDiagram)
    app.component('SqliteFilesDiagram', SqliteFilesDiagram)
    app.component('SqliteVsPostgresDiagram', SqliteVsPostgresDiagram)
    app.component('MigrationFlowDiagram', MigrationFlowDiagram)
    app.component('EventAnatomyDiagram', EventAnatomyDiagram)
    app.component('CausationChainDiagram', CausationChainDiagram)
  },
} satisfies Theme
