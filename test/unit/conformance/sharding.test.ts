// Sharding and divergence (core/conformance): every case lands in exactly one shard, a merge refuses what is not
// one run, and the first divergence is the first difference in document order.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inShard, mergeShards, parseShard, type SuiteReport } from '../../../core/conformance/suite-report'
import { firstDivergence } from '../../../core/conformance/first-divergence'
import { faultCases, MAX_ORDINALS } from '../../../core/conformance/suites'
import { parseLowResourcesSpec } from '../../../core/verifier/low-resources'

const report = (shard: SuiteReport['shard'], indices: number[], total: number): SuiteReport => ({
  version: 1,
  script: { file: 'd.ts', sha256: 'ab' },
  suites: ['fault'],
  seed: 1,
  verifier: 'standard',
  totalCases: total,
  shard,
  cases: indices.map((index) => ({
    index,
    id: `c${index}`,
    suite: 'fault',
    title: '',
    fault: null,
    status: 'pass',
    failures: [],
    evidence: {
      stopReason: 'duration',
      virtualTimeNs: 0,
      eventTraceHash: '',
      rxFrames: 0,
      indicated: 0,
      returned: 0,
      sent: 0,
      sendCompleted: 0,
      findings: [],
    },
  })),
  passed: indices.length,
  failed: 0,
})

describe('sharding', () => {
  it('puts every case in exactly one of n shards', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 500 }), (count, cases) => {
        for (let i = 0; i < cases; i++) {
          const owners = Array.from({ length: count }, (_, s) => inShard(i, { index: s + 1, count })).filter(Boolean)
          expect(owners).toHaveLength(1)
        }
      }),
    )
  })

  it('merges n shards back into one report in case order, and refuses a partial or mixed set', () => {
    const parts = [1, 2, 3].map((s) =>
      report(
        { index: s, count: 3 },
        [0, 1, 2, 3, 4, 5, 6].filter((i) => i % 3 === s - 1),
        7,
      ),
    )
    const merged = mergeShards([parts[2]!, parts[0]!, parts[1]!])
    expect('error' in merged).toBe(false)
    expect((merged as SuiteReport).cases.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect((merged as SuiteReport).shard).toBeNull()
    expect(mergeShards([parts[0]!, parts[1]!])).toEqual({ error: 'shard(s) 3/3 missing' })
    expect(mergeShards([parts[0]!, parts[0]!, parts[1]!])).toEqual({ error: 'shard 1/3 is given twice' })
    const other = { ...parts[2]!, script: { file: 'd.ts', sha256: 'cd' } }
    expect('error' in mergeShards([parts[0]!, parts[1]!, other])).toBe(true)
  })

  it('reads i/n and refuses what is not one', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 })
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '2', '-1/3']) expect('error' in parseShard(bad)).toBe(true)
  })
})

describe('the fault sweep', () => {
  it('fails the first and the nth call of each allocation site', () => {
    const cases = faultCases(
      [
        { call: 'NdisAllocatePacket', line: 10, column: 3, calls: 5, failed: 0 },
        { call: 'NdisAllocateBuffer', line: 12, column: 3, calls: 1, failed: 0 },
        { call: 'MmGetSystemAddressForMdlSafe', line: 14, column: 3, calls: 9, failed: 0 },
      ],
      2,
    )
    expect(cases.map((c) => c.fault)).toEqual([
      'NdisAllocatePacket@10:#1',
      'NdisAllocatePacket@10:#2',
      'NdisAllocateBuffer@12:#1',
      'MmGetSystemAddressForMdlSafe@14:#1',
      'MmGetSystemAddressForMdlSafe@14:#2',
    ])
    for (const c of cases) expect(parseLowResourcesSpec(c.fault!).ok).toBe(true)
  })

  it("with 'all', fails each call a site made, up to the cap", () => {
    const site = (calls: number) => [{ call: 'NdisMAllocateSharedMemory', line: 7, column: 3, calls, failed: 0 }]
    expect(faultCases(site(4), 'all').map((c) => c.fault)).toEqual(
      [1, 2, 3, 4].map((n) => `NdisMAllocateSharedMemory@7:#${n}`),
    )
    expect(faultCases(site(1000), 'all')).toHaveLength(MAX_ORDINALS)
  })

  it('reads a fault bound to a script line', () => {
    expect(parseLowResourcesSpec('NdisAllocatePacket@212:#1')).toEqual({
      ok: true,
      specs: [{ kind: 'nth', n: 1, calls: ['NdisAllocatePacket'], line: 212 }],
    })
    expect(parseLowResourcesSpec('NdisAllocatePacket@0:#1').ok).toBe(false)
  })
})

describe('the first divergence', () => {
  it('is the first differing field in document order, wall clock aside', () => {
    const a = { seed: 1, wallClock: { elapsedMs: 5 }, protocol: { indicated: 10, returned: 9 } }
    expect(firstDivergence(a, { ...a, wallClock: { elapsedMs: 7 } })).toBeNull()
    expect(firstDivergence(a, { ...a, protocol: { indicated: 10, returned: 8 } })).toEqual({
      path: 'protocol.returned',
      a: '9',
      b: '8',
    })
  })

  it('names the event of two traces that first differs', () => {
    const e = (ts: number, name: string) => ({ ts, name, ph: 'i' })
    const d = firstDivergence(
      { traceEvents: [e(0, 'a'), e(5, 'b'), e(9, 'c')] },
      { traceEvents: [e(0, 'a'), e(5, 'b'), e(7, 'c')] },
    )
    expect(d).toEqual({ path: 'traceEvents[2].ts', a: '9', b: '7', event: { index: 2, ts: 9, name: 'c' } })
  })
})
