/** How the lesson prints an error: its name, then its message, wrapped. */

const WIDTH = 78 // the site's output column

/**
 * Prints `label: ErrorName`, then the error's message indented under it,
 * wrapped at word boundaries to fit the output column.
 */
export function printError(label: string, error: Error): void {
  console.log(`${label}: ${error.name}`)
  let line = ' '
  for (const word of error.message.split(' ')) {
    if (line.length + word.length + 1 > WIDTH) {
      console.log(line)
      line = ' '
    }
    line += ` ${word}`
  }
  console.log(line)
}
