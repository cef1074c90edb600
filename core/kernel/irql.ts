// IRQL levels (ndis5.md §0) and the per-processor state that spin locks, DPCs and ISRs change.
import type { NDIS_SPIN_LOCK } from './spin-lock'

export const PASSIVE_LEVEL = 0
export const APC_LEVEL = 1
export const DISPATCH_LEVEL = 2
/** The device IRQL the emulated controller's interrupt runs at (any value above DISPATCH_LEVEL). */
export const DIRQL = 5
export const HIGH_LEVEL = 31

export const IRQL_NAMES: Readonly<Record<number, string>> = {
  [PASSIVE_LEVEL]: 'PASSIVE_LEVEL',
  [APC_LEVEL]: 'APC_LEVEL',
  [DISPATCH_LEVEL]: 'DISPATCH_LEVEL',
  [HIGH_LEVEL]: 'HIGH_LEVEL',
}

export function irqlName(irql: number): string {
  return IRQL_NAMES[irql] ?? (irql > DISPATCH_LEVEL ? 'DIRQL(' + irql + ')' : String(irql))
}

export class Processor {
  irql = PASSIVE_LEVEL
  /** Spin locks held on this processor, in acquisition order. */
  readonly locks: NDIS_SPIN_LOCK[] = []

  constructor(readonly number: number) {}
}
