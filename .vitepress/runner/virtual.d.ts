/** The site's build makes these modules (runner-plugin.ts). */

/** Every section a browser can run, by `"12/in-memory"`. */
declare module 'virtual:workbook-sections' {
  const sections: Record<
    string,
    () => Promise<{
      default: (
        run: import('../../tools/workbook/manifest.ts').SectionRun,
      ) => void | Promise<void>
    }>
  >
  export default sections
}

/** Every exercise a browser can check: its checker, and what an answer may import, by specifier. */
declare module 'virtual:workbook-checks' {
  const checks: Record<
    string,
    {
      check: () => Promise<unknown>
      modules: Record<string, () => Promise<Record<string, unknown>>>
    }
  >
  export default checks
}

/** Every exercise a browser can check: its file's name and its untouched stub. */
declare module 'virtual:workbook-stubs' {
  const stubs: Record<
    string,
    () => Promise<{ default: { file: string; stub: string } }>
  >
  export default stubs
}
