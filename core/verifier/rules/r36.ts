// ../shared/reference/ndis5.md workbench rule (bad handles must never crash the host)
import type { Verifier } from '../verifier'
import { valueText } from '../value-text'
import { defineRule } from '../rule'

export const R36 = defineRule({
  id: 'R36',
  title: 'Not a live object of the expected kind',
  severity: 'error',
  stops: false,
  class: 'arguments',
  level: 'standard',
  emulatorParams: [
    'value passed',
    'expected kind (1 packet pool, 2 packet, 3 buffer pool, 4 buffer, 5 spin lock, 6 interrupt, 7 handle, 8 function, 9 timer, 10 register mapping, 11 configuration handle, 12 event)',
    '0',
  ],
  explanation:
    'The handle or pointer is not one NDIS gave you, or its object was freed; pass the value the allocating call returned.',
  reference: 'workbench rule (bad handles must never crash the host)',
})

// What R36's P3 names: the kind of object expected.
export const EXPECTED_PACKET_POOL = 1
export const EXPECTED_PACKET = 2
export const EXPECTED_BUFFER_POOL = 3
export const EXPECTED_BUFFER = 4
export const EXPECTED_SPIN_LOCK = 5
export const EXPECTED_INTERRUPT = 6
export const EXPECTED_HANDLE = 7
export const EXPECTED_FUNCTION = 8
export const EXPECTED_TIMER = 9
export const EXPECTED_MAPPING = 10
export const EXPECTED_CONFIGURATION = 11
export const EXPECTED_EVENT = 12

/** `value` passed to `call` is not a live object of the expected kind; `why` says what it is instead. */
export function notAnObject(
  v: Verifier,
  call: string,
  value: unknown,
  expected: number,
  why: string,
  allocatedSite = 0,
): void {
  v.report(
    R36,
    typeof value === 'number' ? value : 0,
    expected,
    0,
    `${call}: ${valueText(value)} ${why}`,
    allocatedSite,
  )
}
