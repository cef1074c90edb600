// The frame of every rule's own test (one file per rule, beside the catalogue's order): make the rule fire, then check
// its code, its four parameters against what the catalogue says they mean, and the script line it names; and make the
// same misuse with the verifier off, where only the rules Windows raises without Driver Verifier may still be reported.
import { expect, it } from 'vitest'
import { Kernel } from '../../../../core/kernel/kernel'
import { NDIS_SPIN_LOCK } from '../../../../core/kernel/spin-lock'
import { createNdisLibrary, type NdisLibrary } from '../../../../core/ndis/api'
import { ndisRuntime } from '../../../../core/ndis/instance'
import { type NdisRuntime } from '../../../../core/ndis/runtime'
import { ManualClock } from '../../../../core/sim/manual-clock'
import { BugCheck } from '../../../../core/verifier/bugcheck'
import type { Finding } from '../../../../core/verifier/finding'
import type { VerifierLevelName } from '../../../../core/verifier/level'
import type { RuleDef } from '../../../../core/verifier/rule'
import type { Run } from '../../../../core/engine/run'
import { startRun } from '../../../support/real-run'

export const FILE = 'driver.ts'

export interface KernelCtx {
  k: Kernel
  ndis: NdisLibrary
  rt: NdisRuntime
  clock: ManualClock
  o: () => { value: number }
  pool: (n?: number, prl?: number) => number
  packet: (pool: number) => number
  /** A buffer of `len` bytes of fresh memory, from one buffer pool. */
  buffer: (len?: number) => number
  bufferPool: () => number
  lock: () => NDIS_SPIN_LOCK
  /** The script is at `line` of driver.ts (as the transpiled script marks it before each call). */
  at: (line: number) => void
}

export function kernelCtx(verifier: VerifierLevelName = 'standard'): KernelCtx {
  const clock = new ManualClock()
  const k = new Kernel({ memoryBytes: 1 << 20, clock, verifier })
  const ndis = createNdisLibrary(k)
  const o = () => ({ value: 0 })
  let bp = 0
  const c: KernelCtx = {
    k,
    ndis,
    rt: ndisRuntime(k),
    clock,
    o,
    pool(n = 4, prl = 16) {
      const h = o()
      ndis.NdisAllocatePacketPool(o(), h, n, prl)
      return h.value
    },
    packet(pool) {
      const p = o()
      ndis.NdisAllocatePacket(o(), p, pool)
      return p.value
    },
    bufferPool() {
      if (bp === 0) {
        const h = o()
        ndis.NdisAllocateBufferPool(o(), h, 16)
        bp = h.value
      }
      return bp
    },
    buffer(len = 32) {
      const pool = c.bufferPool()
      const va = o()
      ndis.NdisAllocateMemoryWithTag(va, len, 0)
      const b = o()
      ndis.NdisAllocateBuffer(o(), b, pool, va.value, len)
      return b.value
    },
    lock() {
      const l = new NDIS_SPIN_LOCK()
      ndis.NdisAllocateSpinLock(l)
      return l
    },
    at(line) {
      k.sites.at(FILE, line)
    },
  }
  // Set-up calls run from line 1; a test moves to the line of the misuse.
  c.at(1)
  return c
}

export interface Expected {
  /** Which of the rule's forms (default 0). */
  form?: number
  params: readonly [number, number, number, number]
  line: number
  /** The line the finding names as allocating the object, when it names one. Line 0 above: no script line. */
  allocatedLine?: number
}

/** Runs `fn`; the bug check it raised, or null. Other exceptions fail the test. */
export function attempt(fn: () => void): BugCheck | null {
  try {
    fn()
    return null
  } catch (e) {
    if (e instanceof BugCheck) return e
    throw e
  }
}

function lineOf(k: { sites: { location(id: number): { file: string; line: number } } }, site: number) {
  const l = k.sites.location(site)
  return { file: l.file, line: l.line }
}

/** Checks the finding of `rule` against the catalogue and the expected parameters and line. */
export function expectFinding(
  sites: { location(id: number): { file: string; line: number } },
  findings: readonly Finding[],
  stopped: BugCheck | null,
  rule: RuleDef,
  e: Expected,
): Finding {
  const f = findings.find((x) => x.rule === rule.id)
  expect(f, `a finding of ${rule.id} among ${findings.map((x) => x.rule).join(', ')}`).toBeDefined()
  const form = rule.forms[e.form ?? 0]!
  expect(f!.form).toBe(e.form ?? 0)
  expect(f!.code).toBe(form.code)
  expect(f!.severity).toBe(rule.severity)
  // Every parameter the catalogue gives a fixed value (a subcode, a 0) has it; the rest are the expected values.
  if (form.p1 !== null) expect(f!.params[0]).toBe(form.p1)
  form.params.forEach((meaning, i) => {
    if (meaning === '0') expect(f!.params[i], `P${i + 1} (${meaning})`).toBe(0)
  })
  expect([...f!.params]).toEqual(e.params.map((p) => p >>> 0))
  // Line 0: no script line made the access (the device, NDIS's own context).
  if (e.line === 0) expect(f!.site).toBe(0)
  else expect(lineOf({ sites }, f!.site)).toEqual({ file: FILE, line: e.line })
  if (e.allocatedLine !== undefined) expect(lineOf({ sites }, f!.allocatedSite).line).toBe(e.allocatedLine)
  if (rule.stops) {
    expect(stopped?.rule, 'the rule stops the run').toBe(rule.id)
    expect([...stopped!.params]).toEqual([...f!.params])
    expect(stopped!.code).toBe(form.code)
  }
  return f!
}

/** A misuse: the set-up is done when it is returned; `act` makes the mistake at `line` (c.at is called for it). */
export interface Misuse extends Expected {
  act: () => void
}

/**
 * The rule's own test on the kernel and NDIS library: `misuse` sets up and returns the faulting act with what the
 * finding must say. Run at the rule's level, then with the verifier off.
 */
export function kernelRuleCase(
  rule: RuleDef,
  misuse: (c: KernelCtx) => Misuse,
  title = 'fires',
  /** The rules still reported with the verifier off (default: this rule when Windows raises it itself, else none). */
  whenOff: readonly string[] = rule.withoutVerifier ? [rule.id] : [],
): void {
  const codes = rule.forms.map((f) => '0x' + f.code.toString(16).toUpperCase()).join('/')
  it(`${title}: ${codes} with the catalogue's parameters, at the line`, () => {
    const c = kernelCtx(rule.level)
    const m = misuse(c)
    if (m.line !== 0) c.at(m.line)
    const stopped = attempt(m.act)
    expectFinding(c.k.sites, c.k.verifier.findings, stopped, rule, m)
  })
  it(
    whenOff.length === 0
      ? `${title}, with the verifier off: silent`
      : `${title}, with the verifier off: still ${whenOff.join(', ')} (Windows raises it itself)`,
    () => {
      const c = kernelCtx('off')
      const m = misuse(c)
      if (m.line !== 0) c.at(m.line)
      attempt(m.act)
      expect([...new Set(c.k.verifier.findings.map((f) => f.rule))]).toEqual([...whenOff])
    },
  )
}

/** A finding of a real run of a script (the engine as the CLI runs it, in process). */
export function runOf(
  script: string,
  options: { verifier?: VerifierLevelName; scenario?: unknown } = {},
): {
  run: Run
  stopped: BugCheck | null
} {
  const run = startRun(script, { file: FILE, verifier: options.verifier ?? 'standard', scenario: options.scenario })
  if (run.phase === 'running') run.runToEnd()
  run.shutDown()
  return { run, stopped: run.stop?.bugCheck ?? null }
}
