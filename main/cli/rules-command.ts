// `nicbench rules` (cli.md): every verifier rule — id, bug check code, parameters, one-line meaning — from the same
// catalogue docs/verifier-rules.md is generated from.
import { RULES } from '../../core/verifier/catalogue'

export function rulesText(json: boolean): string {
  if (json) return JSON.stringify(RULES, null, 2) + '\n'
  const lines: string[] = []
  for (const r of RULES) {
    const code = '0x' + r.code.toString(16).toUpperCase()
    lines.push(`${r.id.padEnd(4)} ${code.padEnd(6)} ${r.severity.padEnd(7)} ${r.title}`)
    lines.push(`     P1 ${r.params[0]} · P2 ${r.params[1]} · P3 ${r.params[2]} · P4 ${r.params[3]}`)
    lines.push(`     ${r.explanation}`)
  }
  return lines.join('\n') + '\n'
}
