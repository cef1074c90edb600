// The shape of one verifier rule. A rule is one module (core/verifier/rules/rNN.ts): its catalogue entry below, and
// the guard functions the library calls to check it. `Verifier.report` enforces the rule's level and fills in P1 from
// the rule, so no call site chooses either; the catalogue, `nicbench rules` and docs/verifier-rules.md are built from
// the same entries.

export type Severity = 'error' | 'warning'

/** Bug check code the workbench raises for rules Windows has no code for (ndis5.md §4: 0x7C, private subcode). */
export const EMULATOR_CODE = 0x7c
export const EMULATOR_SUBCODE_BASE = 0x1000

/** What a rule is about: the JUnit report has one test case per class, the Problems view groups by it. */
export type RuleClass =
  | 'pools'
  | 'packets'
  | 'buffers'
  | 'memory'
  | 'irql'
  | 'spin-locks'
  | 'receive'
  | 'send'
  | 'requests'
  | 'lifecycle'
  | 'timers'
  | 'interrupts'
  | 'arguments'
  | 'datasheet'
  | 'workbench'

export const RULE_CLASSES: readonly RuleClass[] = [
  'pools',
  'packets',
  'buffers',
  'memory',
  'irql',
  'spin-locks',
  'receive',
  'send',
  'requests',
  'lifecycle',
  'timers',
  'interrupts',
  'arguments',
  'datasheet',
  'workbench',
]

/** One way a rule's finding reads as a bug check: its code, its P1 and what each parameter means. */
export interface BugCheckForm {
  readonly code: number
  /** The fixed P1 that names the check (a subcode), or null when P1 is a value (an address). */
  readonly p1: number | null
  /** Meaning of P1..P4. */
  readonly params: readonly [string, string, string, string]
  /** When this form applies, for rules with more than one ('' for the only form). */
  readonly when: string
}

export interface RuleDef {
  /** Stable id: R1–R34 from ndis5.md §4, the workbench's own from R35. */
  readonly id: string
  readonly title: string
  readonly severity: Severity
  /** True when a finding of this rule is a bug check that stops the run. */
  readonly stops: boolean
  readonly class: RuleClass
  /** Lowest verifier level at which the rule is checked. */
  readonly level: 'standard' | 'full'
  /** The bug check forms; forms[0] is the usual one. */
  readonly forms: readonly BugCheckForm[]
  /**
   * Set when Windows raises this bug check without Driver Verifier (NDIS itself, or the kernel): the source that says
   * so. Such a rule is still reported at verifier level `off`; every other rule is silent there.
   */
  readonly withoutVerifier: string | null
  /** One line: what went wrong and what to do. */
  readonly explanation: string
  /** Where the behaviour is documented (section of ndis5.md and its sources). */
  readonly reference: string
}

/** Number of a rule id ('R12' → 12). */
export function ruleNumber(id: string): number {
  return Number(id.slice(1))
}

/** The private P1 of an emulator-defined rule: 0x1000 + its number. */
export function emulatorSubcode(id: string): number {
  return EMULATOR_SUBCODE_BASE + ruleNumber(id)
}

/** True when Windows documents the form's code and P1 (not a private 0x7C subcode of the workbench). */
export function isWindowsForm(form: BugCheckForm): boolean {
  return !(form.code === EMULATOR_CODE && form.p1 !== null && form.p1 >= EMULATOR_SUBCODE_BASE)
}

type RuleInput = Omit<RuleDef, 'forms' | 'withoutVerifier'> & {
  readonly withoutVerifier?: string | null
} & (
    | { readonly forms: readonly BugCheckForm[] }
    /** An emulator-defined rule: 0x7C with P1 0x1000 + its number, and the meanings of P2..P4. */
    | { readonly emulatorParams: readonly [string, string, string] }
  )

export function defineRule(r: RuleInput): RuleDef {
  const forms =
    'forms' in r
      ? r.forms
      : [
          {
            code: EMULATOR_CODE,
            p1: emulatorSubcode(r.id),
            params: ['0x' + emulatorSubcode(r.id).toString(16).toUpperCase(), ...r.emulatorParams] as const,
            when: '',
          },
        ]
  const { id, title, severity, stops, class: ruleClass, level, explanation, reference } = r
  return Object.freeze({
    id,
    title,
    severity,
    stops,
    class: ruleClass,
    level,
    forms: Object.freeze(forms.map((f) => Object.freeze({ ...f, params: Object.freeze([...f.params]) }))),
    withoutVerifier: r.withoutVerifier ?? null,
    explanation,
    reference,
  }) as RuleDef
}
