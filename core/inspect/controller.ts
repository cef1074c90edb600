// The Controller panel's snapshot: registers with their values, both descriptor rings with who owns each slot, and
// the controller's counters (controller.md §3, §4.3, §6.3), made from the read-only views.
import type { ControllerSnapshot, RingSnapshot } from './views'
import type { NicController } from '../controller/controller'
import { controllerStatistics, registerView, ringView } from '../controller/view'

/** Slots listed per ring at most (a ring holds at most 4096 descriptors; the view pages them). */
export const MAX_RING_SLOTS = 4096

function ring(c: NicController, which: 'rx' | 'tx'): RingSnapshot {
  const v = ringView(c, which)
  return {
    ring: v.ring,
    base: v.base,
    size: v.size,
    head: v.head,
    tail: v.tail,
    hardwareOwned: v.hardwareOwned,
    slots: v.slots.slice(0, MAX_RING_SLOTS).map((s) => ({ ...s })),
  }
}

export function controllerSnapshot(c: NicController): ControllerSnapshot {
  const stats = controllerStatistics(c)
  return {
    registers: registerView(c).map((r) => ({
      name: r.name,
      offset: r.offset,
      value: r.value,
      reset: r.reset,
      access: r.access,
      description: r.description,
      section: r.section,
    })),
    rx: ring(c, 'rx'),
    tx: ring(c, 'tx'),
    totals: { ...stats.totals, rxFifoDepth: stats.rxFifoDepth, rxFifoFrames: stats.rxFifoFrames },
    linkUp: stats.linkUp,
    interruptAsserted: stats.interruptAsserted,
  }
}
