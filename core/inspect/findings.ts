// Finding rows for the Problems view: the verifier's findings with the rule catalogue's title, explanation and the
// meaning of each bug-check parameter (ndis5.md §4).
import type { BugCheckView, FindingRow } from './views'
import type { BugCheck } from '../verifier/bugcheck'
import type { CallSites } from '../verifier/call-site'
import { hex32, hexCode } from '../report/report'
import { ruleById } from '../verifier/catalogue'
import type { Finding } from '../verifier/finding'
import { siteLocation } from './packets'

type Four = [string, string, string, string]
const UNKNOWN = { file: '', line: 0, column: 0 }

/** A parameter the catalogue gives as a fixed value reads as what it is: a subcode, unused, or a constant. */
function meaning(text: string): string {
  if (text === '0') return 'unused'
  if (/^0x[0-9A-Fa-f]+$/.test(text)) return `subcode ${text}`
  if (/^\d+$/.test(text)) return `always ${text}`
  return text
}

export function paramMeanings(rule: string, form = 0): Four {
  const p = ruleById(rule)?.forms[form]?.params
  return p ? [meaning(p[0]), meaning(p[1]), meaning(p[2]), meaning(p[3])] : ['', '', '', '']
}

function hexParams(params: readonly [number, number, number, number]): Four {
  return [hex32(params[0]), hex32(params[1]), hex32(params[2]), hex32(params[3])]
}

export function findingRow(sites: CallSites, f: Finding): FindingRow {
  const rule = ruleById(f.rule)
  return {
    rule: f.rule,
    severity: f.severity,
    code: hexCode(f.code),
    params: hexParams(f.params),
    paramMeanings: paramMeanings(f.rule, f.form),
    title: rule?.title ?? f.rule,
    message: f.message,
    explanation: rule?.explanation ?? '',
    at: siteLocation(sites, f.site) ?? UNKNOWN,
    allocatedAt: siteLocation(sites, f.allocatedSite),
    timeNs: f.timeNs,
    bugCheck: f.bugCheck,
  }
}

/** Findings from `from` on (the list only grows during a run). */
export function findingRows(sites: CallSites, findings: readonly Finding[], from = 0): FindingRow[] {
  const out: FindingRow[] = []
  for (let i = Math.max(0, from); i < findings.length; i++) out.push(findingRow(sites, findings[i]!))
  return out
}

export function bugCheckView(sites: CallSites, b: BugCheck): BugCheckView {
  return {
    rule: b.rule,
    code: hexCode(b.code),
    name: b.bugCheckName,
    params: hexParams(b.params),
    paramMeanings: paramMeanings(b.rule, b.form),
    message: b.message,
    at: siteLocation(sites, b.site) ?? UNKNOWN,
  }
}
