// The shape of one verifier rule. Rules are data: the code that detects a misuse calls `Verifier.report` with the
// rule and its four parameters; the catalogue, `nicbench rules` and docs/verifier-rules.md are built from the same data.

export type Severity = 'error' | 'warning'

/** Bug check code the workbench raises for rules Windows has no code for (ndis5.md §4: 0x7C, private subcode). */
export const EMULATOR_CODE = 0x7c
export const EMULATOR_SUBCODE_BASE = 0x1000

export interface RuleDef {
  /** Stable id: R1–R34 from ndis5.md §4, the workbench's own from R35. */
  readonly id: string
  readonly title: string
  readonly severity: Severity
  /** True when a finding of this rule is a bug check that stops the run. */
  readonly stops: boolean
  readonly code: number
  /** True when Windows documents the code and parameters; false for emulator-defined ones. */
  readonly windowsCode: boolean
  /** Meaning of P1..P4. */
  readonly params: readonly [string, string, string, string]
  /** Lowest verifier level at which the rule is checked. */
  readonly level: 'standard' | 'full'
  /** One line: what went wrong and what to do. */
  readonly explanation: string
  /** Where the behaviour is documented (section of ../shared/reference/ndis5.md and its sources). */
  readonly reference: string
  /** The calls that check it; empty when the part of the workbench that checks it is not built yet. */
  readonly checkedBy: readonly string[]
}

/** Number of a rule id ('R12' → 12). */
export function ruleNumber(id: string): number {
  return Number(id.slice(1))
}

/** The private P1 of an emulator-defined rule. */
export function emulatorSubcode(id: string): number {
  return EMULATOR_SUBCODE_BASE + ruleNumber(id)
}

export function defineRule(r: RuleDef): RuleDef {
  return Object.freeze(r)
}
