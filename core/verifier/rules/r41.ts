// ../shared/reference/ndis5.md §1.10 (set-up calls run in MiniportInitialize/MiniportHalt at PASSIVE_LEVEL)
import type { Verifier } from '../verifier'
import { defineRule } from '../rule'

export const R41 = defineRule({
  id: 'R41',
  title: 'Adapter set-up call outside PASSIVE_LEVEL',
  severity: 'error',
  stops: false,
  class: 'irql',
  level: 'standard',
  emulatorParams: ['current IRQL', 'required IRQL', '0'],
  explanation:
    'NdisMRegisterInterrupt, NdisMMapIoSpace, NdisMAllocateSharedMemory, configuration and attribute calls belong in MiniportInitialize or MiniportHalt, at PASSIVE_LEVEL.',
  reference: '§1.10 [MSDN-ff553596; DDK98 203entry_14]',
})

/** Adapter set-up calls run at PASSIVE_LEVEL (in MiniportInitialize or MiniportHalt). */
export function requirePassive(v: Verifier, irql: number, call: string): void {
  if (irql !== 0) v.report(R41, irql, 0, 0, `${call} at IRQL ${irql} (must be PASSIVE_LEVEL)`)
}
