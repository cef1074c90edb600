// An 82540EM on the real scheduler and the real non-paged arena, with the driver steps tests repeat (SDM §14
// "General initialization and reset operation"). Not a test file itself.
import { E1000Controller, type E1000Options } from '../../../core/controller/e1000'
import {
  e1000RegisterByName,
  CTRL_SLU,
  RCTL_BAM,
  RCTL_EN,
  RCTL_SECRC,
  TCTL_EN,
  TCTL_PSP,
} from '../../../core/controller/e1000-registers'
import type { WirePort } from '../../../core/controller/wire-port'
import { KVA_BASE, NonPagedMemory } from '../../../core/kernel/memory'
import { paToVa, vaToPa } from '../../../core/kernel/physical'
import { Scheduler } from '../../../core/sim/scheduler'

export const KIND_BASE = 40
export const EXTRA_BASE = 60

export interface E1000Rig {
  scheduler: Scheduler
  memory: NonPagedMemory
  c: E1000Controller
  lines: [number, boolean][]
  read(name: string): number
  write(name: string, value: number): void
  peek(name: string): number
  run(ns?: number): void
  shared(bytes: number): { va: number; pa: number }
}

export function offsetOf(name: string): number {
  const spec = e1000RegisterByName(name)
  if (spec === undefined) throw new Error(`no register ${name}`)
  return spec.offset
}

export function makeE1000(options: Partial<E1000Options> = {}): E1000Rig {
  const scheduler = options.scheduler ?? new Scheduler()
  const memory = options.memory ?? new NonPagedMemory(1 << 21)
  const c = new E1000Controller({ memory, scheduler, eventKindBase: KIND_BASE, extraKindBase: EXTRA_BASE, ...options })
  const lines: [number, boolean][] = []
  c.connectInterrupt((asserted) => lines.push([scheduler.nowNs, asserted]))
  return {
    scheduler,
    memory,
    c,
    lines,
    read: (name) => c.readRegister(offsetOf(name), 4),
    write: (name, value) => c.writeRegister(offsetOf(name), 4, value),
    peek: (name) => c.peekRegister(offsetOf(name)),
    run: (ns = 0) => void scheduler.runUntil(scheduler.nowNs + ns),
    shared: (bytes) => {
      const va = memory.allocate(bytes, 0, 0, 0, 'shared')
      if (va === 0) throw new Error('arena full')
      return { va, pa: vaToPa(va) }
    },
  }
}

const off = (pa: number) => paToVa(pa) - KVA_BASE
export const u8 = (r: E1000Rig, pa: number) => r.memory.u8[off(pa)]
export const u16 = (r: E1000Rig, pa: number) => r.memory.view.getUint16(off(pa), true)
export const u32 = (r: E1000Rig, pa: number) => r.memory.view.getUint32(off(pa), true)
export const set8 = (r: E1000Rig, pa: number, v: number) => void (r.memory.u8[off(pa)] = v)
export const set16 = (r: E1000Rig, pa: number, v: number) => r.memory.view.setUint16(off(pa), v, true)
export const set32 = (r: E1000Rig, pa: number, v: number) => r.memory.view.setUint32(off(pa), v, true)
export const bytesAt = (r: E1000Rig, pa: number, n: number) => r.memory.u8.slice(off(pa), off(pa) + n)
export const putBytes = (r: E1000Rig, pa: number, b: Uint8Array) => r.memory.u8.set(b, off(pa))

/** SDM §14.3: link up (CTRL.SLU). */
export function linkUp(r: E1000Rig): void {
  r.write('CTRL', r.read('CTRL') | CTRL_SLU)
}

export interface Ring {
  ring: number
  size: number
  buffers: number[]
}

/** SDM §14.4: a receive ring of `size` descriptors with 2048-byte buffers, RDT at the last, receiver on. */
export function setUpReceive(r: E1000Rig, size = 8, rctl = RCTL_EN | RCTL_BAM | RCTL_SECRC): Ring {
  const ring = r.shared(size * 16)
  const buffers: number[] = []
  for (let i = 0; i < size; i++) {
    const b = r.shared(2048)
    buffers.push(b.pa)
    set32(r, ring.pa + i * 16, b.pa)
  }
  r.write('RDBAL', ring.pa)
  r.write('RDBAH', 0)
  r.write('RDLEN', size * 16)
  r.write('RDH', 0)
  r.write('RDT', size - 1)
  r.write('RCTL', rctl)
  return { ring: ring.pa, size, buffers }
}

/** SDM §14.5: a transmit ring, transmitter on with pad short packets. */
export function setUpTransmit(r: E1000Rig, size = 8): Ring {
  const ring = r.shared(size * 16)
  const buffers: number[] = []
  for (let i = 0; i < size; i++) buffers.push(r.shared(2048).pa)
  r.write('TDBAL', ring.pa)
  r.write('TDBAH', 0)
  r.write('TDLEN', size * 16)
  r.write('TDH', 0)
  r.write('TDT', 0)
  r.write('TCTL', TCTL_EN | TCTL_PSP | (0x10 << 4) | (0x40 << 12))
  return { ring: ring.pa, size, buffers }
}

/** A wire that records what the controller sends and hands it nothing. */
export function recordingWire(): WirePort & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = []
  return {
    sent,
    nextArrivalNs: () => Infinity,
    takeFrame: () => 0,
    transmit: (frame, length) => void sent.push(frame.slice(0, length)),
  }
}

/** An Ethernet frame to `dst` of `length` bytes (without FCS), payload bytes counting from `tag`. */
export function frameTo(dst: readonly number[], length: number, tag = 0): Uint8Array {
  const f = new Uint8Array(length)
  f.set(dst, 0)
  f.set([0x02, 0, 0, 0, 0, 9], 6)
  f[12] = 0x08
  f[13] = 0x00
  for (let i = 14; i < length; i++) f[i] = (i + tag) & 0xff
  return f
}
