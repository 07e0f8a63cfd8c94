/// <reference types="vite/client" />
// Lets tsc type-check the theme's imports of single-file components (vite compiles them).
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent
  export default component
}
