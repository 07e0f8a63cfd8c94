/** How the lesson prints an error: its name, then its message, wrapped. */
import { wrap } from '../02-first-event/wrap.ts'

/**
 * Prints `label: ErrorName`, then the error's message indented under it,
 * wrapped at word boundaries to fit the site's output column.
 */
export function printError(label: string, error: Error): void {
  console.log(`${label}: ${error.name}`)
  console.log(wrap(`  ${error.message}`))
}
