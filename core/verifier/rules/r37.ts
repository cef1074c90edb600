// ../shared/reference/ndis5.md workbench rule (C would not compile or would truncate)
import type { Verifier } from '../verifier'
import { valueText } from '../value-text'
import { defineRule } from '../rule'

export const R37 = defineRule({
  id: 'R37',
  title: 'Argument is not a valid unsigned integer',
  severity: 'error',
  stops: false,
  class: 'arguments',
  level: 'standard',
  emulatorParams: ['argument number (1-based)', '0', '0'],
  explanation:
    'Counts, lengths and offsets are ULONGs: pass a whole number from 0 to 0xFFFFFFFF (not NaN, negative or fractional).',
  reference: 'workbench rule (C would not compile or would truncate)',
})

/** Argument `argument` (1-based) of `call` is not a ULONG. */
export function notAUlong(v: Verifier, call: string, argument: number, value: unknown, what = 'a ULONG'): void {
  v.report(R37, argument, 0, 0, `${call}: argument ${argument} (${valueText(value)}) is not ${what}`)
}
