// ../shared/reference/ndis5.md §1.10 (NdisMSetAttributes(Ex) before claiming resources)
import type { Verifier } from '../verifier'
import { defineRule } from '../rule'

export const R42 = defineRule({
  id: 'R42',
  title: 'Resources claimed before NdisMSetAttributesEx',
  severity: 'warning',
  stops: false,
  class: 'lifecycle',
  level: 'standard',
  emulatorParams: ['0', '0', '0'],
  explanation:
    'Call NdisMSetAttributesEx first in MiniportInitialize: NDIS needs the adapter context and attributes before the interrupt, registers or shared memory are claimed.',
  reference: '§1.10 [DDK98 203entry_14]',
})

/** A resource claimed before NdisMSetAttributesEx told NDIS what the adapter is. */
export function requireAttributesSet(v: Verifier, attributesSet: boolean, call: string): void {
  if (!attributesSet) v.report(R42, 0, 0, 0, `${call} before NdisMSetAttributesEx`)
}
