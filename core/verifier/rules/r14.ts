// ../shared/reference/ndis5.md §1.8 (list of calls); founding document; §4 R14
import type { Verifier } from '../verifier'
import { defineRule } from '../rule'

export const R14 = defineRule({
  id: 'R14',
  title: 'Call made while holding a spin lock',
  severity: 'error',
  stops: false,
  class: 'spin-locks',
  level: 'standard',
  emulatorParams: ['spin lock held', 'number of locks held', '0'],
  explanation:
    'Release any spin lock you hold before this call (its documentation requires it, e.g. NdisAllocatePacketPool).',
  reference: '§1.8 (list of calls); founding document; §4 R14',
})

/** A call whose documentation says to release spin locks first, made with `held` locks (the last one named). */
export function requireNoLockHeld(v: Verifier, held: number, lock: number, acquiredSite: number, call: string): void {
  if (held !== 0) v.report(R14, lock, held, 0, `${call} while holding a spin lock (release it first)`, acquiredSite)
}
