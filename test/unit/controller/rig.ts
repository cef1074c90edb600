// A controller on the real scheduler and the real non-paged arena, plus the few driver steps tests repeat
// (controller.md §10 bring-up order). Not a test file itself.
import { KVA_BASE, NonPagedMemory } from '../../../core/kernel/memory'
import { paToVa, vaToPa } from '../../../core/kernel/physical'
import { Scheduler } from '../../../core/sim/scheduler'
import {
  NicController,
  registerByName,
  RCTL_BSIZE_SHIFT,
  RCTL_EN,
  TCTL_EN,
  DESCRIPTOR_SIZE,
  type ControllerOptions,
  type WirePort,
} from '../../../core/controller'

export const KIND_BASE = 40

export interface Rig {
  scheduler: Scheduler
  memory: NonPagedMemory
  c: NicController
  /** Interrupt line changes: [time ns, asserted]. */
  lines: [number, boolean][]
  read(name: string): number
  write(name: string, value: number): void
  peek(name: string): number
  /** Runs every event due up to now + ns. */
  run(ns?: number): void
}

export function offsetOf(name: string): number {
  const spec = registerByName(name)
  if (spec === undefined) throw new Error(`no register ${name}`)
  return spec.offset
}

export function makeRig(options: Partial<ControllerOptions> = {}): Rig {
  const scheduler = new Scheduler()
  const memory = new NonPagedMemory(1 << 20)
  const c = new NicController({ memory, scheduler, eventKindBase: KIND_BASE, ...options })
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
    run: (ns = 0) => {
      scheduler.runUntil(scheduler.nowNs + ns)
    },
  }
}

/** Shared memory as NdisMAllocateSharedMemory would give it: VA and PA. */
export function allocShared(rig: Rig, bytes: number): { va: number; pa: number } {
  const va = rig.memory.allocate(bytes, 0, 0, 0, 'shared')
  if (va === 0) throw new Error('arena full')
  return { va, pa: vaToPa(va) }
}

export const u8 = (rig: Rig, pa: number): number => rig.memory.u8[paToVa(pa) - KVA_BASE]
export const u16 = (rig: Rig, pa: number): number => rig.memory.view.getUint16(paToVa(pa) - KVA_BASE, true)
export const u32 = (rig: Rig, pa: number): number => rig.memory.view.getUint32(paToVa(pa) - KVA_BASE, true)
export const set8 = (rig: Rig, pa: number, v: number): void => void (rig.memory.u8[paToVa(pa) - KVA_BASE] = v)
export const set16 = (rig: Rig, pa: number, v: number): void =>
  rig.memory.view.setUint16(paToVa(pa) - KVA_BASE, v, true)
export const set32 = (rig: Rig, pa: number, v: number): void =>
  rig.memory.view.setUint32(paToVa(pa) - KVA_BASE, v, true)
export const bytesAt = (rig: Rig, pa: number, length: number): Uint8Array =>
  rig.memory.u8.slice(paToVa(pa) - KVA_BASE, paToVa(pa) - KVA_BASE + length)

export interface RxRing {
  ring: number
  buffers: number[]
  size: number
  bufferSize: number
  /** Index of the next descriptor the driver looks at. */
  next: number
}

/** BSIZE code for a buffer size (controller.md §3.9). */
export function bsizeCode(bufferSize: number): number {
  return { 2048: 0, 1024: 1, 512: 2, 256: 3 }[bufferSize] as number
}

/** controller.md §10 steps 4–6: ring + buffers, RDBA/RDLEN/RDH/RDT, then RCTL.EN. Posts size − 1 descriptors. */
export function setupRx(rig: Rig, size: number, bufferSize = 2048, post = size - 1): RxRing {
  const ring = allocShared(rig, size * DESCRIPTOR_SIZE).pa
  const buffers: number[] = []
  for (let i = 0; i < size; i++) {
    const b = allocShared(rig, bufferSize).pa
    buffers.push(b)
    set32(rig, ring + i * 16, b)
    set32(rig, ring + i * 16 + 4, 0)
  }
  rig.write('RDBA', ring)
  rig.write('RDLEN', size * DESCRIPTOR_SIZE)
  rig.write('RDH', 0)
  rig.write('RDT', post % size)
  rig.write('RCTL', RCTL_EN | (bsizeCode(bufferSize) << RCTL_BSIZE_SHIFT))
  rig.run()
  return { ring, buffers, size, bufferSize, next: 0 }
}

export interface RxDescriptor {
  buffer: number
  length: number
  status: number
  errors: number
}

export function rxDescriptor(rig: Rig, rx: RxRing, i: number): RxDescriptor {
  const d = rx.ring + i * 16
  return { buffer: u32(rig, d), length: u16(rig, d + 8), status: u8(rig, d + 12), errors: u8(rig, d + 13) }
}

/**
 * The driver's receive loop: collects every completed frame (DD) from `rx.next`, clears DD and hands each
 * descriptor back by writing RDT = the index just processed (the e1000 idiom, controller.md §4.3).
 */
export function driverReceive(rig: Rig, rx: RxRing, repost = true): { bytes: Uint8Array; errors: number }[] {
  const frames: { bytes: Uint8Array; errors: number }[] = []
  let parts: Uint8Array[] = []
  for (;;) {
    const d = rxDescriptor(rig, rx, rx.next)
    if ((d.status & 1) === 0) break
    parts.push(bytesAt(rig, d.buffer, d.length))
    set8(rig, rx.ring + rx.next * 16 + 12, 0)
    if (repost) rig.write('RDT', rx.next)
    rx.next = (rx.next + 1) % rx.size
    if ((d.status & 2) !== 0) {
      const total = parts.reduce((n, p) => n + p.length, 0)
      const bytes = new Uint8Array(total)
      let o = 0
      for (const p of parts) {
        bytes.set(p, o)
        o += p.length
      }
      frames.push({ bytes, errors: d.errors })
      parts = []
    }
  }
  rig.run()
  return frames
}

/** A frame whose bytes are a pattern of (seed, index), so a torn or mixed copy shows. */
export function makeFrame(length: number, seed: number): Uint8Array {
  const f = new Uint8Array(length)
  for (let i = 0; i < length; i++) f[i] = (seed * 31 + i * 7) & 0xff
  return f
}

export interface TxRing {
  ring: number
  size: number
  /** Next descriptor index the driver will fill. */
  tail: number
}

/** controller.md §10 step 7: the transmit ring, TDBA/TDLEN/TDH/TDT, then TCTL.EN. */
export function setupTx(rig: Rig, size: number): TxRing {
  const ring = allocShared(rig, size * DESCRIPTOR_SIZE).pa
  rig.write('TDBA', ring)
  rig.write('TDLEN', size * DESCRIPTOR_SIZE)
  rig.write('TDH', 0)
  rig.write('TDT', 0)
  rig.write('TCTL', TCTL_EN)
  return { ring, size, tail: 0 }
}

/** Fills one transmit descriptor at the driver's tail; does not write TDT. Returns its index. */
export function postTx(rig: Rig, tx: TxRing, bufferPa: number, length: number, cmd: number): number {
  const i = tx.tail
  const d = tx.ring + i * 16
  set32(rig, d, bufferPa)
  set32(rig, d + 4, 0)
  set16(rig, d + 8, length)
  set8(rig, d + 10, 0)
  set8(rig, d + 11, cmd)
  set8(rig, d + 12, 0)
  tx.tail = (i + 1) % tx.size
  return i
}

/** A wire backend for tests: frames due at given times; transmitted frames are copied and kept. */
export class ScriptedWire implements WirePort {
  readonly sent: { timeNs: number; bytes: Uint8Array }[] = []
  private queue: { atNs: number; bytes: Uint8Array }[] = []

  add(atNs: number, bytes: Uint8Array): void {
    this.queue.push({ atNs, bytes })
    this.queue.sort((a, b) => a.atNs - b.atNs)
  }

  nextArrivalNs(): number {
    return this.queue.length > 0 ? this.queue[0].atNs : Infinity
  }

  takeFrame(into: Uint8Array): number {
    const f = this.queue.shift()
    if (f === undefined) return 0
    into.set(f.bytes.subarray(0, into.length))
    return f.bytes.length
  }

  transmit(frame: Uint8Array, length: number, timeNs: number): void {
    this.sent.push({ timeNs, bytes: frame.slice(0, length) })
  }
}
