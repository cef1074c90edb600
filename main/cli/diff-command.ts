// `nicbench diff <a> <b>` (docs/cli.md, "diff"): the first divergence of two reports or two traces of one script.
// Exit 0 when they agree, 1 when they differ.
import { readFileSync } from 'node:fs'
import { firstDivergence } from '../../core/conformance/first-divergence'
import { badInput } from './bad-input'

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw badInput(
      path,
      '',
      `not a readable JSON report or trace: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

export function diffCommand(a: string, b: string): number {
  const d = firstDivergence(readJson(a), readJson(b))
  if (d === null) {
    process.stdout.write(`${a} and ${b} agree (wall-clock facts aside)\n`)
    return 0
  }
  const where = d.event
    ? `event ${d.event.index}${d.event.ts !== null ? ` at ${d.event.ts} µs` : ''}${d.event.name ? ` (${d.event.name})` : ''}, `
    : ''
  process.stdout.write(`first divergence: ${where}${d.path}\n  ${a}: ${d.a}\n  ${b}: ${d.b}\n`)
  return 1
}
