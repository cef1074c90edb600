// docs/verifier-rules.md, rendered from the catalogue (scripts/gen-verifier-rules.ts writes it; a test checks it).
import { bugCheckName, hex } from './bugcheck'
import { RULES } from './catalogue'
import { isWindowsForm, RULE_CLASSES, type BugCheckForm, type RuleDef } from './rule'

function cell(text: string): string {
  return text.replace(/\|/g, '\\|')
}

function formCode(f: BugCheckForm): string {
  const p1 = f.p1 === null ? '' : `, P1 ${hex(f.p1)}`
  return hex(f.code) + ' ' + bugCheckName(f.code) + p1 + (isWindowsForm(f) ? '' : ' (emulator-defined subcode)')
}

export function renderRuleCatalogue(rules: readonly RuleDef[] = RULES): string {
  const lines: string[] = [
    '# Verifier rules',
    '',
    '<!-- Generated from core/verifier/rules/ by `npm run docs:rules`; do not edit by hand. -->',
    '',
    "Every rule has a stable id: R1–R34 are those of the NDIS 5 behaviour reference the rules cite (its §4), the workbench's own are",
    'numbered on from R35 (R29, an NDIS 6 miniport calling NDIS 5, does not apply: the workbench runs NDIS 5',
    'miniports only). A finding carries the rule id, its bug check code and four parameters, the message, the',
    'script line of the call and, for leaks and use after free, the line that allocated the object. Rules that',
    '"stop the run" raise a bug check: the run ends there, as a blue screen would. Emulator-defined rules use',
    "bug check 0x7C with a private P1 of 0x1000 + the rule number, so they cannot collide with Windows' own subcodes.",
    '',
    'Verifier levels: `off` (only what Windows raises without Driver Verifier: the rules marked "also without the',
    'verifier" below), `standard` (descriptor state, IRQL, locks held, handles, the first and last byte of every',
    'memory access: cheap enough to leave on), `full` (adds every byte of every memory access and the ownership',
    'history of packets).',
    '',
    `Classes (one JUnit test case each): ${RULE_CLASSES.join(', ')}.`,
    '',
    '| id | rule | class | severity | stops the run | bug check | without the verifier |',
    '|---|---|---|---|---|---|---|',
  ]
  for (const r of rules) {
    const codes = r.forms.map(formCode).join('; ')
    lines.push(
      `| ${r.id} | ${cell(r.title)} | ${r.class} | ${r.severity} | ${r.stops ? 'yes' : 'no'} | ${cell(codes)} | ${r.withoutVerifier ? 'yes' : 'no'} |`,
    )
  }
  lines.push('')
  for (const r of rules) {
    lines.push(`## ${r.id}: ${r.title}`, '')
    lines.push(r.explanation, '')
    lines.push(
      `- Class: ${r.class}; severity: ${r.severity}${r.stops ? ', stops the run (bug check)' : ''}; level: ${r.level}`,
    )
    for (const f of r.forms) {
      const when = f.when ? ` (${f.when})` : ''
      lines.push(`- Bug check${when}: ${formCode(f)}`)
      lines.push(`  - Parameters: P1 ${f.params[0]}; P2 ${f.params[1]}; P3 ${f.params[2]}; P4 ${f.params[3]}`)
    }
    if (r.withoutVerifier) lines.push(`- Also without the verifier: ${r.withoutVerifier}`)
    lines.push(`- Reference: ${r.reference.startsWith('§') ? 'ndis5.md ' + r.reference : r.reference}`)
    lines.push('')
  }
  return lines.join('\n')
}
