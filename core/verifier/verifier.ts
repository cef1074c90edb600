// The verifier: its level, the findings sink, and the one way rules report (`report`, or `stop` for a bug check
// whatever the rule's default). The level and P1 come from the rule, never from the caller: at level `off` only the
// rules Windows raises without Driver Verifier (RuleDef.withoutVerifier) are reported, and P1 is the rule form's.
import { BugCheck } from './bugcheck'
import type { CallSites } from './call-site'
import type { Clock } from '../sim/clock'
import type { Finding } from './finding'
import { VERIFIER_FULL, VERIFIER_OFF, VERIFIER_STANDARD } from './level'
import type { RuleDef } from './rule'

/** A parameter as the 32-bit value a bug check shows; a value that is not a number (a script's bad argument) shows 0. */
function u32(p: unknown): number {
  return typeof p === 'number' ? p >>> 0 : 0
}

/** Findings kept in memory; beyond this they are only counted (a leak in a loop must not exhaust the host). */
export const DEFAULT_FINDING_LIMIT = 10_000

export class Verifier {
  /** VERIFIER_OFF / VERIFIER_STANDARD / VERIFIER_FULL; read once per call on hot paths. */
  level = VERIFIER_STANDARD
  readonly findings: Finding[] = []
  /** Findings beyond `limit`, counted but not kept. */
  dropped = 0
  limit = DEFAULT_FINDING_LIMIT
  /** Called for every finding as it is made (live Problems view). */
  listener: ((finding: Finding) => void) | null = null
  private readonly countByRule = new Map<string, number>()

  constructor(
    private readonly sites: CallSites,
    private readonly clock: Clock,
  ) {}

  /** True when the rule is checked at the current level (a guard may skip costly work when it is not). */
  checks(rule: RuleDef): boolean {
    const level = this.level
    if (level === VERIFIER_OFF) return rule.withoutVerifier !== null
    return rule.level === 'standard' || level >= VERIFIER_FULL
  }

  /**
   * Records a finding of `rule` (form `form`, whose fixed P1 is used) at the current call site, when the level checks
   * the rule; throws a BugCheck when the rule stops the run.
   */
  report(rule: RuleDef, p2: number, p3: number, p4: number, message: string, allocatedSite = 0, form = 0): void {
    if (!this.checks(rule)) return
    this.record(rule, form, fixedP1(rule, form), p2, p3, p4, message, allocatedSite, rule.stops, this.sites.cell[0])
  }

  /** As `report`, for a form whose P1 is a value (an address: 0xD1, 0x50, 0x133). */
  reportValue(
    rule: RuleDef,
    form: number,
    p1: number,
    p2: number,
    p3: number,
    p4: number,
    message: string,
    allocatedSite = 0,
  ): void {
    if (!this.checks(rule)) return
    this.record(rule, form, p1, p2, p3, p4, message, allocatedSite, rule.stops, this.sites.cell[0])
  }

  /** Records a finding and stops the run with a bug check whatever the rule's default (a deadlock, a storm). */
  stop(rule: RuleDef, p2: number, p3: number, p4: number, message: string, allocatedSite = 0, form = 0): void {
    if (!this.checks(rule)) return
    this.record(rule, form, fixedP1(rule, form), p2, p3, p4, message, allocatedSite, true, this.sites.cell[0])
  }

  /** Records a finding made at a given site (run-end scans name the line that lost or allocated an object). */
  reportAt(rule: RuleDef, site: number, p2: number, p3: number, p4: number, message: string, allocatedSite = 0): void {
    if (!this.checks(rule)) return
    this.record(rule, 0, fixedP1(rule, 0), p2, p3, p4, message, allocatedSite, false, site)
  }

  private record(
    rule: RuleDef,
    form: number,
    p1: number,
    p2: number,
    p3: number,
    p4: number,
    message: string,
    allocatedSite: number,
    stops: boolean,
    site: number,
  ): void {
    const params: [number, number, number, number] = [u32(p1), u32(p2), u32(p3), u32(p4)]
    const code = rule.forms[form]!.code
    this.push({
      rule: rule.id,
      form,
      severity: rule.severity,
      code,
      params,
      message,
      site,
      allocatedSite,
      timeNs: this.clock.nowNs,
      bugCheck: stops,
    })
    if (stops) throw new BugCheck(code, params, message, site, rule.id, form)
  }

  private push(f: Finding): void {
    this.countByRule.set(f.rule, (this.countByRule.get(f.rule) ?? 0) + 1)
    if (this.findings.length < this.limit) this.findings.push(f)
    else this.dropped++
    if (this.listener !== null) this.listener(f)
  }

  /** How many findings of a rule were made (including dropped ones). */
  count(ruleId: string): number {
    return this.countByRule.get(ruleId) ?? 0
  }

  has(ruleId: string): boolean {
    return this.count(ruleId) > 0
  }

  clear(): void {
    this.findings.length = 0
    this.dropped = 0
    this.countByRule.clear()
  }
}

function fixedP1(rule: RuleDef, form: number): number {
  const p1 = rule.forms[form]?.p1
  // A form whose P1 is a value is reported with reportValue; reaching here is a workbench bug, shown as P1 0.
  return p1 ?? 0
}
