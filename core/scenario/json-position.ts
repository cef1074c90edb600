// Where in a JSON text a parse error is: V8 names a character offset ("… at position 42"); people want line:column.

/** Line and column (1-based) of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let column = 1
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      column = 1
    } else column++
  }
  return { line, column }
}

/** The place of a JSON.parse error message in `text`, or null when the message names none. */
export function jsonErrorPosition(text: string, message: string): { line: number; column: number } | null {
  const at = /position (\d+)/.exec(message)
  return at ? lineColumnAt(text, Number(at[1])) : null
}

/** The reason of a JSON.parse error without the position V8 appends (and the whole text some messages quote). */
export function jsonErrorReason(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '')
}
