// A verifier finding, as the Problems view, the report and the CLI show it.
import type { Severity } from './rule'

export interface Finding {
  readonly rule: string
  /** Which of the rule's bug check forms (RuleDef.forms) the parameters follow. */
  readonly form: number
  readonly severity: Severity
  readonly code: number
  readonly params: readonly [number, number, number, number]
  readonly message: string
  /** Call-site id of the call that made the mistake. */
  readonly site: number
  /** Call-site id that allocated the object concerned (leaks, use after free), 0 when not applicable. */
  readonly allocatedSite: number
  readonly timeNs: number
  /** True when this finding stopped the run (a bug check). */
  readonly bugCheck: boolean
}
