// `nicbench rules` (cli.md): every verifier rule — id, bug check code, parameters, one-line meaning — from the same
// catalogue docs/verifier-rules.md is generated from.
import { RULES } from '../../core/verifier/catalogue'

export function rulesText(json: boolean): string {
  if (json) return JSON.stringify(RULES, null, 2) + '\n'
  const lines: string[] = []
  for (const r of RULES) {
    const first = r.forms[0]!
    const code = '0x' + first.code.toString(16).toUpperCase()
    const off = r.withoutVerifier ? ' (also with the verifier off)' : ''
    lines.push(`${r.id.padEnd(4)} ${code.padEnd(6)} ${r.severity.padEnd(7)} ${r.title}${off}`)
    for (const f of r.forms) {
      const when = r.forms.length > 1 ? `${f.when}: ` : ''
      const formCode = f.code === first.code ? '' : `0x${f.code.toString(16).toUpperCase()} `
      lines.push(`     ${when}${formCode}P1 ${f.params[0]} · P2 ${f.params[1]} · P3 ${f.params[2]} · P4 ${f.params[3]}`)
    }
    lines.push(`     ${r.explanation}`)
  }
  return lines.join('\n') + '\n'
}
