/** The site's build makes this module (runner-plugin.ts): every section a browser can run, by `"12/in-memory"`. */
declare module 'virtual:workbook-sections' {
  const sections: Record<
    string,
    () => Promise<{ default: () => void | Promise<void> }>
  >
  export default sections
}
