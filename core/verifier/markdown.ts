// docs/verifier-rules.md, rendered from the catalogue (scripts/gen-verifier-rules.ts writes it; a test checks it).
import { bugCheckName, hex } from '../kernel/bugcheck'
import { RULES } from './catalogue'
import type { RuleDef } from './rule'

function cell(text: string): string {
  return text.replace(/\|/g, '\\|')
}

function code(r: RuleDef): string {
  return hex(r.code) + ' ' + bugCheckName(r.code) + (r.windowsCode ? '' : ' (emulator-defined subcode)')
}

export function renderRuleCatalogue(rules: readonly RuleDef[] = RULES): string {
  const lines: string[] = [
    '# Verifier rules',
    '',
    '<!-- Generated from core/verifier/catalogue.ts by `npm run docs:rules`; do not edit by hand. -->',
    '',
    "Every rule has a stable id: R1–R34 are those of `../shared/reference/ndis5.md` §4, the workbench's own are",
    'numbered on from R35. A finding carries the rule id, its bug check code and four parameters, the message, the',
    'script line of the call and, for leaks and use after free, the line that allocated the object. Rules that',
    '"stop the run" raise a bug check: the run ends there, as a blue screen would. Emulator-defined rules use',
    "bug check 0x7C with a private P1 of 0x1000 + the rule number, so they cannot collide with Windows' own subcodes.",
    '',
    'Verifier levels: `off` (statuses only, no findings), `standard` (descriptor state, IRQL, locks held, handles, the',
    'first and last byte of every memory access: cheap enough to leave on), `full` (adds every byte of every memory',
    'access and the ownership history of packets).',
    '',
    '| id | rule | severity | stops the run | bug check | checked by |',
    '|---|---|---|---|---|---|',
  ]
  for (const r of rules) {
    const checked = r.checkedBy.length === 0 ? 'not yet emulated' : r.checkedBy.join(', ')
    lines.push(
      `| ${r.id} | ${cell(r.title)} | ${r.severity} | ${r.stops ? 'yes' : 'no'} | ${cell(code(r))} | ${cell(checked)} |`,
    )
  }
  lines.push('')
  for (const r of rules) {
    lines.push(`## ${r.id}: ${r.title}`, '')
    lines.push(r.explanation, '')
    lines.push(`- Severity: ${r.severity}${r.stops ? ', stops the run (bug check)' : ''}; level: ${r.level}`)
    lines.push(`- Bug check: ${code(r)}`)
    lines.push(`- Parameters: P1 ${r.params[0]}; P2 ${r.params[1]}; P3 ${r.params[2]}; P4 ${r.params[3]}`)
    lines.push(`- Reference: ${r.reference.startsWith('§') ? 'ndis5.md ' + r.reference : r.reference}`)
    lines.push(`- Checked by: ${r.checkedBy.length === 0 ? 'not yet emulated' : r.checkedBy.join(', ')}`)
    lines.push('')
  }
  return lines.join('\n')
}
