// The rule catalogue: every rule module of core/verifier/rules, in order of id (ndis5.md §4 R1–R34, the workbench's
// own from R35). R29 (an NDIS 6 miniport calling NDIS 5) is not in it: the workbench runs NDIS 5 miniports only.
import type { RuleDef } from './rule'
import { ruleNumber } from './rule'
import * as modules from './rules'

export * from './rules'

function isRule(value: unknown): value is RuleDef {
  return typeof value === 'object' && value !== null && 'forms' in value && 'id' in value
}

export const RULES: readonly RuleDef[] = Object.freeze(
  Object.values(modules)
    .filter(isRule)
    .sort((a, b) => ruleNumber(a.id) - ruleNumber(b.id)),
)

const byId = new Map(RULES.map((r) => [r.id, r]))

export function ruleById(id: string): RuleDef | undefined {
  return byId.get(id)
}
