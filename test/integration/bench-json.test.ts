// `npm run bench -- --json` as a script reads it: the runner (scripts/bench.mjs) passes --json to a benchmark, whose
// stdout is then one JSON figure per line and nothing else, while the text for people goes to stderr. The pool
// benchmark stands for all (every benchmark prints through bench/figure.ts); no figure's value is judged here.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/serve'

describe('benchmarks as JSON lines', () => {
  it('bench/pool.ts --json: every figure with its baseline, ratio, goal and verdict', () => {
    const run = spawnSync(process.execPath, ['scripts/bench.mjs', 'bench/pool.ts', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 180_000,
    })
    expect(run.status, run.stderr).toBe(0)
    const lines = run.stdout.trim().split('\n')
    const figures = lines.map((l) => JSON.parse(l))
    for (const f of figures) {
      expect(Object.keys(f)).toEqual(['bench', 'figure', 'value', 'unit', 'baseline', 'ratio', 'goal', 'met'])
      expect(f.bench).toBe('pool')
      expect(f.value).toBeGreaterThan(0)
      expect(f.ratio).toBeCloseTo(f.value / f.baseline.value, 9)
    }
    expect(figures.map((f) => f.figure)).toEqual([
      'NdisAllocatePacket+NdisFreePacket, verifier off',
      'NdisAllocatePacket+NdisFreePacket, verifier standard',
      'NdisAllocatePacket+NdisFreePacket, verifier full',
      'bytes per descriptor (65,535 descriptors, ProtocolReserved 16)',
    ])
    const [off, standard, , bytes] = figures
    expect(off.goal).toBeNull()
    expect(off.met).toBeNull()
    expect(standard.baseline.name).toBe('bare free list zeroing 156 bytes')
    expect(standard.goal).toEqual({ ratio: { min: 0.8 } })
    expect(standard.met).toBe(standard.ratio >= 0.8)
    expect(bytes.baseline.value).toBe(156)
    expect(bytes.met).toBe(bytes.ratio <= 1.25)
    // The text for people, on stderr.
    expect(run.stderr).toContain('NdisAllocatePacket+NdisFreePacket, verifier standard: ')
  }, 180_000)
})
