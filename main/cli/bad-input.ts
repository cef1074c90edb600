// Bad input (cli.md exit code 2): one line on stderr naming the file, the place in it and the reason.
export class BadInput extends Error {
  override readonly name = 'BadInput'
}

export function badInput(file: string, place: string, reason: string): BadInput {
  return new BadInput(place ? `${file}:${place}: ${reason}` : `${file}: ${reason}`)
}

/** The first line of a multi-line message (type errors carry an explanation below). */
export function firstLine(text: string): string {
  const i = text.indexOf('\n')
  return i < 0 ? text : text.slice(0, i)
}
