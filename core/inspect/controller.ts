// The Controller panel's snapshot: registers with their values, both descriptor rings with who owns each slot, and
// the controller's counters (controller.md §3, §4.3, §6.3), made from the read-only views.
import type { ControllerSnapshot, RingSnapshot } from './views'
import type { ControllerDevice } from '../controller/device'

/** Slots listed per ring at most (a ring holds at most 4096 descriptors; the view pages them). */
export const MAX_RING_SLOTS = 4096

function ring(c: ControllerDevice, which: 'rx' | 'tx'): RingSnapshot {
  const v = c.ringView(which)
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

export function controllerSnapshot(c: ControllerDevice): ControllerSnapshot {
  const stats = c.statistics()
  return {
    model: c.model,
    registers: c
      .registerView()
      .filter((r) => !quietTableEntry(r.name, r.value))
      .map((r) => ({
        name: r.name,
        offset: r.offset,
        value: r.value,
        reset: r.reset,
        access: r.access,
        description: r.description,
        section: r.section,
        ...(r.fields ? { fields: r.fields.map((f) => ({ ...f })) } : {}),
      })),
    rx: ring(c, 'rx'),
    tx: ring(c, 'tx'),
    totals: { ...stats.totals, rxFifoDepth: stats.rxFifoDepth, rxFifoFrames: stats.rxFifoFrames },
    linkUp: stats.linkUp,
    interruptAsserted: stats.interruptAsserted,
    ...extrasOf(c),
  }
}

/** MTA[n], VFTA[n], RAL/RAH[n] past the first that hold 0: left out so the table shows what the driver set. */
function quietTableEntry(name: string, value: number): boolean {
  return value === 0 && name.endsWith(']') && !name.endsWith('[0]')
}

function extrasOf(c: ControllerDevice): Pick<ControllerSnapshot, 'eeprom' | 'phy'> {
  const x = c.extras()
  if (x === null) return {}
  return { eeprom: { words: x.eeprom.slice(), sum: x.eepromSum }, phy: x.phy.map((p) => ({ ...p })) }
}
