// At the end of every run the books balance: the protocol's indicated packets are returned, copied or still held, and
// every pool's allocations are freed or in use. A counter that slips is reported as the workbench's own bug.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../../core/engine/report-builder'
import { reportInvariantBugs } from '../../../core/engine/report-invariants'
import { ndisRuntime } from '../../../core/ndis/instance'
import { startRun } from '../../support/real-run'

const EXAMPLES = join(__dirname, '../../../examples')
const finished = (...args: Parameters<typeof startRun>) => {
  const run = startRun(...args)
  run.runToEnd()
  run.shutDown()
  return run
}

describe('report invariants', () => {
  it('balance for the reference miniport, with copies, holds and low resources', () => {
    const scenarios: unknown[] = [
      { duration: '5ms' },
      { duration: '5ms', protocol: { keepFraction: 0.3 } },
      { duration: '5ms', protocol: { holdTime: { distribution: 'exponential', meanNs: 400_000 } } },
      { duration: '5ms', faults: { lowResources: 'NdisAllocatePacket:20%' } },
      JSON.parse(readFileSync(join(EXAMPLES, 'scenarios', 'imix-with-faults.json'), 'utf8')),
    ]
    for (const scenario of scenarios) {
      const run = finished(undefined, { scenario })
      const report = buildReport(run, null)
      expect(report.workbenchBugs, JSON.stringify(scenario)).toBeUndefined()
      const p = report.protocol
      expect(p.indicated).toBeGreaterThan(0)
      expect(p.indicated).toBe(p.returned + p.copiedOnResources + p.copied + p.outstanding)
    }
    const copying = buildReport(
      finished(undefined, { scenario: { duration: '5ms', protocol: { keepFraction: 0.3 } } }),
      null,
    )
    expect(copying.protocol.copied).toBeGreaterThan(0)
  })

  it('balance for every buggy example that ends normally', () => {
    for (const name of [
      'double-free.ts',
      'free-pool-with-packets-out.ts',
      'halt-with-packets-outstanding.ts',
      'leaked-chain-on-reinitialize.ts',
    ]) {
      const run = finished(readFileSync(join(EXAMPLES, 'buggy', name), 'utf8'), { scenario: { duration: '2ms' } })
      expect(reportInvariantBugs(run), name).toEqual([])
    }
  })

  it('a counter that slipped is the workbench’s bug, named with its figures', () => {
    const run = finished(undefined, { scenario: { duration: '2ms' } })
    run.protocol.stats.returned--
    const pool = ndisRuntime(run.kernel).packetPoolHistory.find((p) => p.createdSite !== 0)!
    pool.frees++
    const bugs = buildReport(run, null).workbenchBugs ?? []
    expect(bugs[0]).toMatch(
      /^protocol: indicated (\d+) ≠ returned \d+ \+ copied on RESOURCES \d+ \+ copied \d+ \+ outstanding \d+ \+ filtered \d+$/,
    )
    expect(bugs[1]).toMatch(/^packet pool 0x[0-9A-F]{8}: allocations \d+ ≠ frees \d+ \+ in use \d+$/)
  })
})
