// The verifier: its level, the findings sink, and the one way rules report (`report`, or `stop` for a bug check).
import { BugCheck } from '../kernel/bugcheck'
import type { CallSites } from '../kernel/call-site'
import type { Clock } from '../kernel/clock'
import type { Finding } from './finding'
import { VERIFIER_STANDARD } from './level'
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

  /** Records a finding at the current call site; throws a BugCheck when the rule stops the run. */
  report(rule: RuleDef, p1: number, p2: number, p3: number, p4: number, message: string, allocatedSite = 0): void {
    this.record(rule, p1, p2, p3, p4, message, allocatedSite, rule.stops)
  }

  /** Records a finding and stops the run with a bug check whatever the rule's default. */
  stop(rule: RuleDef, p1: number, p2: number, p3: number, p4: number, message: string, allocatedSite = 0): never {
    this.record(rule, p1, p2, p3, p4, message, allocatedSite, true)
    throw new Error('unreachable')
  }

  /** Records a finding made at a given site (run-end reports name the line that lost or allocated an object). */
  reportAt(
    rule: RuleDef,
    site: number,
    p: readonly [number, number, number, number],
    message: string,
    allocatedSite = 0,
  ): void {
    this.push({
      rule: rule.id,
      severity: rule.severity,
      code: rule.code,
      params: [u32(p[0]), u32(p[1]), u32(p[2]), u32(p[3])],
      message,
      site,
      allocatedSite,
      timeNs: this.clock.nowNs,
      bugCheck: false,
    })
  }

  private record(
    rule: RuleDef,
    p1: number,
    p2: number,
    p3: number,
    p4: number,
    message: string,
    allocatedSite: number,
    stops: boolean,
  ): void {
    const site = this.sites.cell[0]
    const params: [number, number, number, number] = [u32(p1), u32(p2), u32(p3), u32(p4)]
    this.push({
      rule: rule.id,
      severity: rule.severity,
      code: rule.code,
      params,
      message,
      site,
      allocatedSite,
      timeNs: this.clock.nowNs,
      bugCheck: stops,
    })
    if (stops) throw new BugCheck(rule.code, params, message, site, rule.id)
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
