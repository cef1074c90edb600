// The reference miniports are correct under every scenario shipped in examples/scenarios: `nicbench run` exits 0
// with no finding, and the protocol got back every packet it was lent. A scenario that chooses the 82540EM runs the
// 82540EM reference; the WB-100's scenarios run again with the model switched to the 82540EM (issue 16).
import { describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../support/cli'
import { ROOT } from '../support/serve'

const SCENARIOS = join(ROOT, 'examples', 'scenarios')
const scenarios = readdirSync(SCENARIOS)
const WB100 = join(ROOT, 'examples', 'reference-miniport.ts')
const E1000 = join(ROOT, 'examples', 'reference-82540em.ts')
const tmp = mkdtempSync(join(tmpdir(), 'nicbench-82540em-'))

type ScenarioJson = {
  controller?: { model?: string; permanentAddress?: string }
  wire?: { kind?: string; file?: string }
  protocol?: { send?: Record<string, unknown> }
}
const read = (name: string): ScenarioJson => JSON.parse(readFileSync(join(SCENARIOS, name), 'utf8')) as ScenarioJson

function expectClean(script: string, scenario: string): Record<string, any> {
  const run = runCli(['run', script, '--scenario', scenario, '--report', '-', '--quiet'])
  expect(run.status, run.stderr).toBe(0)
  const report = JSON.parse(run.stdout)
  expect(report.findings).toEqual([])
  expect(report.stopReason).toBe('duration')
  expect(report.nic.rxFrames).toBeGreaterThan(0)
  expect(report.protocol.outstanding).toBe(0)
  expect(report.protocol.corrupted).toBe(0)
  return report
}

describe('the reference miniport of the scenario’s controller under every shipped scenario', () => {
  it.each(scenarios)('%s', (name) => {
    const model = read(name).controller?.model ?? 'wb100'
    expectClean(model === '82540em' ? E1000 : WB100, join(SCENARIOS, name))
  })
})

/**
 * A WB-100 scenario with the 82540EM chosen. The 82540EM filters by address (SDM §3.2.1), so frames must be addressed
 * to it: looped-back sends go to its own address, and a replayed capture's station is the capture's own.
 */
function asE1000(name: string): string {
  const s = read(name)
  s.controller = { ...s.controller, model: '82540em' }
  if (s.wire?.kind === 'loopback')
    s.protocol = { ...s.protocol, send: { ...s.protocol?.send, destination: '02:00:4e:57:42:01' } }
  if (s.wire?.kind === 'replay') {
    s.controller.permanentAddress = '00:11:22:33:44:55'
    s.wire.file = join(SCENARIOS, s.wire.file!)
  }
  const file = join(tmp, name)
  writeFileSync(file, JSON.stringify(s))
  return file
}

describe('the 82540EM reference miniport under every WB-100 scenario with the 82540EM chosen', () => {
  it.each(scenarios.filter((n) => read(n).controller?.model !== '82540em'))('%s', (name) => {
    const report = expectClean(E1000, asE1000(name))
    if (read(name).wire?.kind === 'loopback') expect(report.nic.txFrames).toBe(report.nic.rxFrames)
  })
})
