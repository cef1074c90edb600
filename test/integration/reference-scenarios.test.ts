// The reference miniport is correct under every scenario shipped in examples/scenarios: `nicbench run` exits 0
// with no finding, and the protocol got back every packet it was lent.
import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../support/cli'
import { ROOT } from '../support/serve'

const scenarios = readdirSync(join(ROOT, 'examples', 'scenarios'))

describe('the reference miniport under every shipped scenario', () => {
  it.each(scenarios)('%s', (name) => {
    const run = runCli([
      'run',
      join(ROOT, 'examples', 'reference-miniport.ts'),
      '--scenario',
      join(ROOT, 'examples', 'scenarios', name),
      '--report',
      '-',
      '--quiet',
    ])
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.findings).toEqual([])
    expect(report.stopReason).toBe('duration')
    expect(report.nic.rxFrames).toBeGreaterThan(0)
    expect(report.protocol.outstanding).toBe(0)
    expect(report.protocol.corrupted).toBe(0)
  })
})
