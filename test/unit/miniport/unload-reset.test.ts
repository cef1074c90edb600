// Unload after the last halt, CheckForHang and resets on real runs (docs/ndis-environment.md §7, §8).
import { describe, expect, it } from 'vitest'
import type { Run } from '../../../core/engine/run'
import { NDIS_STATUS_VALUES } from '../../../core/ndis/status'
import { startRun } from '../../support/real-run'
import { miniport, requestHandlers } from '../verifier/rules/script-case'

function finish(run: Run): Run {
  if (run.phase === 'running') run.runToEnd()
  run.shutDown()
  return run
}

/** A driver that allocates a block in DriverEntry; `unload` is the body of its unload handler (null: none). */
function withDriverEntryMemory(unload: string | null): string {
  const script = miniport({ globals: 'let Global = NULL\nlet Order = []', halt: "  Order.push('halt')" })
  const entry = `  const Mem = { value: NULL }
  NdisAllocateMemoryWithTag(Mem, 128, 0x6c626f47) // DriverEntry's allocation
  Global = Mem.value
${unload === null ? '' : '  NdisMRegisterUnloadHandler(Wrapper.value, DriverUnload)\n'}  return NdisMRegisterMiniport(`
  return (
    script.replace('  return NdisMRegisterMiniport(', entry) +
    (unload === null
      ? ''
      : `\nfunction DriverUnload(DriverObject) {\n  DbgPrint('unload at IRQL %d\\n', KeGetCurrentIrql())\n${unload}\n}\n`)
  )
}

describe('unload', () => {
  it('runs the unload handler at PASSIVE_LEVEL after MiniportHalt; memory DriverEntry allocated and unload freed is no leak', () => {
    const run = finish(startRun(withDriverEntryMemory('  NdisFreeMemory(Global, 128, 0)'), { verifier: 'standard' }))
    expect(run.lifecycle.unloadRan).toBe(true)
    expect(run.debugOutput.map((d) => d.text)).toContain('unload at IRQL 0\n')
    expect(run.kernel.verifier.findings).toEqual([])
  })

  it('without an unload handler, the block DriverEntry allocated is a leak (R20) at its line', () => {
    const script = withDriverEntryMemory(null)
    const run = finish(startRun(script, { verifier: 'standard' }))
    const leak = run.kernel.verifier.findings.find((f) => f.rule === 'R20')!
    expect(leak).toBeDefined()
    const line = script.split('\n').findIndex((l) => l.includes("DriverEntry's allocation")) + 1
    expect(run.sites.location(leak.site).line).toBe(line)
  })

  it('runs after a failed MiniportInitialize too', () => {
    const script = withDriverEntryMemory('  NdisFreeMemory(Global, 128, 0)').replace(
      '  return NDIS_STATUS_SUCCESS\n}\nfunction MiniportHalt',
      '  return NDIS_STATUS_ADAPTER_NOT_FOUND\n}\nfunction MiniportHalt',
    )
    const run = finish(startRun(script, { verifier: 'standard' }))
    expect(run.stop?.reason).toBe('init-failed')
    expect(run.lifecycle.unloadRan).toBe(true)
    expect(run.kernel.verifier.findings).toEqual([])
  })
})

/** A miniport with CheckForHang (answering `hung`) and MiniportReset (returning `resetStatus`). */
function resetting(o: { hung?: string; resetStatus?: string; seconds?: number; addressing?: boolean }): string {
  const h = requestHandlers()
  return miniport({
    globals: 'let Resets = []',
    functions:
      h.functions +
      `
function MiniportCheckForHang(Context) {
  DbgPrint('check %d\\n', KeGetCurrentIrql())
  return ${o.hung ?? 'false'}
}
function MiniportReset(AddressingReset, Context) {
  AddressingReset.value = ${o.addressing ? 'true' : 'false'}
  DbgPrint('reset at IRQL %d\\n', KeGetCurrentIrql())
  return ${o.resetStatus ?? 'NDIS_STATUS_SUCCESS'}
}`,
    characteristics:
      h.characteristics + '\n    CheckForHangHandler: MiniportCheckForHang,\n    ResetHandler: MiniportReset,',
  }).replace(
    'NdisMSetAttributesEx(MiniportAdapterHandle, {}, 0,',
    `NdisMSetAttributesEx(MiniportAdapterHandle, {}, ${o.seconds ?? 0},`,
  )
}

const slow = { wire: { kind: 'generator', rateFps: 10 } }

describe('CheckForHang and resets', () => {
  it('calls MiniportCheckForHang every 2 s by default, and every CheckForHangTimeInSeconds when given', () => {
    const byDefault = finish(startRun(resetting({}), { verifier: 'standard', scenario: { ...slow, duration: '7s' } }))
    expect(byDefault.debugOutput.filter((d) => d.text === 'check 2\n').map((d) => d.timeNs)).toEqual([2e9, 4e9, 6e9])
    const three = finish(
      startRun(resetting({ seconds: 3 }), { verifier: 'standard', scenario: { ...slow, duration: '7s' } }),
    )
    expect(three.debugOutput.filter((d) => d.text === 'check 2\n').map((d) => d.timeNs)).toEqual([3e9, 6e9])
    // Desktop NDIS uses a multiple of its 2 s wake-up: 3 s becomes 2 s.
    const desktop = finish(
      startRun(resetting({ seconds: 3 }), {
        verifier: 'standard',
        scenario: { ...slow, duration: '7s', platform: 'desktop' },
      }),
    )
    expect(desktop.debugOutput.filter((d) => d.text === 'check 2\n').map((d) => d.timeNs)).toEqual([2e9, 4e9, 6e9])
  })

  it('resets when CheckForHang says hung: RESET_START, MiniportReset at DISPATCH_LEVEL, RESET_END', () => {
    const run = finish(
      startRun(resetting({ hung: 'true' }), { verifier: 'standard', scenario: { ...slow, duration: '3s' } }),
    )
    expect(run.debugOutput.some((d) => d.text === 'reset at IRQL 2\n' && d.timeNs === 2e9)).toBe(true)
    expect(run.statusIndications.map((s) => s.status >>> 0)).toEqual([
      NDIS_STATUS_VALUES.NDIS_STATUS_RESET_START,
      NDIS_STATUS_VALUES.NDIS_STATUS_RESET_END,
    ])
    expect(run.miniport.adapter.resets).toBe(1)
  })

  it('a scenario can force a reset; after an AddressingReset the binding sets lookahead, multicast list and filter again', () => {
    const run = finish(
      startRun(resetting({ addressing: true }), {
        verifier: 'standard',
        scenario: { faults: { resets: [{ at: '5ms' }] } },
      }),
    )
    expect(run.miniport.adapter.resets).toBe(1)
    const after = run.requests.log.filter((r) => r.timeNs === 5e6 && r.type === 'set').map((r) => r.oid)
    expect(after).toEqual(['OID_GEN_CURRENT_LOOKAHEAD', 'OID_802_3_MULTICAST_LIST', 'OID_GEN_CURRENT_PACKET_FILTER'])
    expect(run.kernel.verifier.findings).toEqual([])
  })

  it('a pended reset ends at NdisMResetComplete; no CheckForHang runs meanwhile', () => {
    const script =
      resetting({ hung: 'true', resetStatus: 'NDIS_STATUS_PENDING' })
        .replace('let Resets = []', 'let Resets = []\nconst Timer = new NDIS_MINIPORT_TIMER()')
        .replace(
          "  DbgPrint('reset at IRQL %d\\n', KeGetCurrentIrql())",
          "  DbgPrint('reset at IRQL %d\\n', KeGetCurrentIrql())\n  NdisMSetTimer(Timer, 2500)",
        )
        .replace(
          '  return NDIS_STATUS_SUCCESS\n}\nfunction MiniportHalt',
          '  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Done, NULL)\n  return NDIS_STATUS_SUCCESS\n}\nfunction MiniportHalt',
        ) +
      '\nfunction Done(S1, Context, S2, S3) {\n  NdisMResetComplete(AdapterHandle, NDIS_STATUS_SUCCESS, false)\n}\n'
    const run = finish(startRun(script, { verifier: 'standard', scenario: { ...slow, duration: '7s' } }))
    // Hung at 2 s; the reset pends until 4.5 s, so the check at 4 s is skipped; the check at 6 s resets again.
    expect(run.debugOutput.filter((d) => d.text === 'check 2\n').map((d) => d.timeNs)).toEqual([2e9, 6e9])
    expect(run.miniport.adapter.resets).toBe(2)
    expect(run.kernel.verifier.findings.filter((f) => f.rule === 'R27')).toEqual([])
  })
})
