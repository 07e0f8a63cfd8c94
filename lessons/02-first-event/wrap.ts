/** Long messages, such as an error's, folded to fit a terminal. */

/**
 * `text` in lines of at most `width` characters: the first as indented as
 * `text` is, the others by `indent`.
 */
export function wrap(text: string, indent = '  ', width = 78): string {
  const [, lead = '', rest = ''] = /^(\s*)(.*)$/s.exec(text) ?? []
  const lines: string[] = []
  let line = lead
  for (const word of rest.split(' ')) {
    if (line.trim() && line.length + 1 + word.length > width) {
      lines.push(line)
      line = indent + word
    } else line = line.trim() ? `${line} ${word}` : line + word
  }
  lines.push(line)
  return lines.join('\n')
}
