// Lookaside lists and the system helpers in a run (docs/script-api.md "Kernel runtime"): entries of the list's size
// and tag, reused after a free; at verifier level full a free goes straight back to the pool, so touching the entry
// afterwards is a use after free.
import { describe, expect, it } from 'vitest'
import { startRun } from '../../support/real-run'
import { miniport } from '../verifier/rules/script-case'

const INIT = `  const A = C_STRUCT('A', { Flags: ULONG, Lookaside: NPAGED_LOOKASIDE_LIST })
  const Va = { value: NULL }
  NdisAllocateMemoryWithTag(Va, sizeof(A), 0)
  const Adapter = A.at(Va.value)
  NdisInitializeNPagedLookasideList(Adapter.Lookaside, NULL, NULL, 0, 24, 0x6b6f6f4c, 0)
  const First = NdisAllocateFromNPagedLookasideList(Adapter.Lookaside)
  NdisFreeToNPagedLookasideList(Adapter.Lookaside, First)
  const Second = NdisAllocateFromNPagedLookasideList(Adapter.Lookaside)
  const Up = { value: 0 }
  NdisGetSystemUpTime(Up)
  const Cpu = { value: 7 }
  NdisGetCurrentProcessorCpuUsage(Cpu)
  DbgPrint('reused %d tag %x offset %u cpus %u version %x cpu %u pa %x:%x\\n', Second === First ? 1 : 0,
    NdisGetPhysicalAddressLow(NDIS_PHYSICAL_ADDRESS_CONST(0x1000, 2)) + 0, FIELD_OFFSET(A, 'Lookaside'),
    NdisSystemProcessorCount(), NdisGetVersion(), Cpu.value, NdisGetPhysicalAddressHigh(NDIS_PHYSICAL_ADDRESS_CONST(0x1000, 2)), 0)
  NdisFreeToNPagedLookasideList(Adapter.Lookaside, Second)
  MmWrite32(Second, 1) // AFTER
  NdisDeleteNPagedLookasideList(Adapter.Lookaside)
  NdisFreeMemory(Va.value, sizeof(A), 0)`

describe('lookaside lists', () => {
  it('hand out entries of their size, reuse a freed one, and keep it live at verifier level standard', () => {
    const run = startRun(miniport({ init: INIT }), { verifier: 'standard' })
    expect(run.debugOutput.map((d) => d.text).join('')).toContain(
      'reused 1 tag 1000 offset 8 cpus 1 version 50001 cpu 0 pa 2:0\n',
    )
    expect(run.kernel.verifier.findings).toEqual([])
  })

  it('give a freed entry straight back to the pool at verifier level full: a later write is R16', () => {
    const script = miniport({ init: INIT })
    const run = startRun(script, { verifier: 'full' })
    const f = run.kernel.verifier.findings
    expect(f.map((x) => x.rule)).toEqual(['R16'])
    const line = script.split('\n').findIndex((l) => l.includes('// AFTER')) + 1
    expect(run.sites.location(f[0]!.site).line).toBe(line)
  })
})
