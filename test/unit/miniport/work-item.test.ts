// Work items (docs/script-api.md "Work items"): scheduled from DISPATCH_LEVEL, the routine runs once, later, at
// PASSIVE_LEVEL with the work item and its context — here one inside the driver's own memory.
import { describe, expect, it } from 'vitest'
import { startRun } from '../../support/real-run'
import { miniport } from '../verifier/rules/script-case'

describe('work items', () => {
  it('run their routine once at PASSIVE_LEVEL after NdisScheduleWorkItem from a timer at DISPATCH_LEVEL', () => {
    const script = miniport({
      globals: `const A = C_STRUCT('A', { Timer: NDIS_MINIPORT_TIMER, Work: NDIS_WORK_ITEM, Runs: ULONG })
let Adapter = A.at(NULL)
function Worker(WorkItem, Context) {
  Adapter.Runs++
  DbgPrint('worker at %u item %d context %x runs %u\\n', KeGetCurrentIrql(), WorkItem === Adapter.Work ? 1 : 0, Context, Adapter.Runs)
}
function Tick(S1, Context, S2, S3) {
  NdisScheduleWorkItem(Adapter.Work)
  NdisScheduleWorkItem(Adapter.Work)
  DbgPrint('tick at %u\\n', KeGetCurrentIrql())
}`,
      init: `  const Va = { value: NULL }
  NdisAllocateMemoryWithTag(Va, sizeof(A), 0)
  NdisZeroMemory(Va.value, sizeof(A))
  Adapter = A.at(Va.value)
  NdisInitializeWorkItem(Adapter.Work, Worker, 0x1234)
  NdisMInitializeTimer(Adapter.Timer, MiniportAdapterHandle, Tick, NULL)
  NdisMSetTimer(Adapter.Timer, 1)`,
    })
    const run = startRun(script, { verifier: 'full' })
    run.runToEnd()
    expect(run.debugOutput.map((d) => d.text).join('')).toBe('tick at 2\nworker at 0 item 1 context 1234 runs 1\n')
    expect(run.kernel.verifier.findings).toEqual([])
  })
})
