// A new user's first F5: the starter script the editor opens with runs (DriverEntry registers the miniport, it
// initializes, runs the default scenario, halts) with no finding, as the workbench's engine runs it.
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../../core/engine/report-builder'
import { STARTER_MINIPORT } from '../../../renderer/src/monaco/starter'
import { startRun } from '../../support/real-run'

describe('the starter script', () => {
  it('runs on the first F5: registered by DriverEntry, initialized, halted, with no finding', () => {
    const run = startRun(STARTER_MINIPORT, { file: 'miniport.ts', verifier: 'full', scenario: { duration: '2ms' } })
    run.runToEnd()
    run.shutDown()
    const report = buildReport(run, null)
    expect(report.stopReason).toBe('duration')
    expect(report.findings).toEqual([])
    expect(report.pools).toHaveLength(1)
    expect(report.pools[0]!.freed).toBe(true)
    expect(report.log.map((l) => l.text)).toContain('packet pool 80000010 ready')
  })
})
