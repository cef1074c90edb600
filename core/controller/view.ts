// Read-only views for the UI's Controller panel (controller.md §3 register map, §4.3 rings, §6.3 counters):
// plain data made on request, never on the frame path.
import type { Scheduler } from '../sim/scheduler'
import type { DmaPort } from './dma'
import type { ReceiveUnit } from './receive'
import type { TransmitUnit } from './transmit'
import type { ControllerState } from './state'
import {
  DESCRIPTOR_SIZE,
  RXD_BUFFER_ADDRESS,
  RXD_ERRORS,
  RXD_LENGTH,
  RXD_STATUS,
  TXD_BUFFER_ADDRESS,
  TXD_CMD,
  TXD_LENGTH,
  TXD_STATUS,
} from './descriptors'
import { REGISTERS, REG_RDBA, REG_RDH, REG_RDLEN, REG_RDT, REG_TDBA, REG_TDH, REG_TDLEN, REG_TDT } from './registers'
import type { RegisterAccess } from './registers'
import { TOTAL_NAMES, type TotalName } from './state'

/** The parts of the controller the views read (NicController has them). */
export interface ViewedController {
  readonly s: ControllerState
  readonly rx: ReceiveUnit
  readonly tx: TransmitUnit
  readonly dma: DmaPort
  readonly scheduler: Scheduler
  readonly testControl: { readonly dmaStalled: boolean }
  peekRegister(offset: number): number
}

export interface RegisterViewRow {
  readonly name: string
  readonly offset: number
  readonly width: number
  readonly value: number
  readonly reset: number
  readonly access: RegisterAccess
  readonly description: string
  readonly section: string
  /** Bit fields decoded from the value, for models whose table names them (the 82540EM's). */
  readonly fields?: readonly { readonly name: string; readonly value: number }[]
}

export type SlotOwner = 'hardware' | 'driver'

export interface RingSlotView {
  readonly index: number
  /** Who may touch the slot now (controller.md §4.3). */
  readonly owner: SlotOwner
  readonly bufferAddress: number
  readonly length: number
  readonly status: number
  /** Receive: the errors byte; transmit: the CMD byte. */
  readonly flags: number
}

export interface RingView {
  readonly ring: 'rx' | 'tx'
  readonly base: number
  readonly size: number
  readonly head: number
  readonly tail: number
  /** Descriptors the device owns (rx: free buffers; tx: posted, not yet sent). */
  readonly hardwareOwned: number
  /** False when the ring (base, size) is not inside memory: slots are then empty. */
  readonly readable: boolean
  readonly slots: readonly RingSlotView[]
}

export interface ControllerStatistics {
  readonly totals: Readonly<Record<TotalName, number>>
  readonly rxFifoDepth: number
  readonly rxFifoFrames: number
  readonly linkUp: boolean
  readonly interruptAsserted: boolean
  readonly dmaStalled: boolean
  readonly nowNs: number
}

/** Every register with its current value; reading it here has no side effect. */
export function registerView(c: ViewedController): RegisterViewRow[] {
  return REGISTERS.map((r) => ({
    name: r.name,
    offset: r.offset,
    width: r.width,
    value: c.peekRegister(r.offset),
    reset: r.reset,
    access: r.access,
    description: r.description,
    section: r.section,
  }))
}

export function ringView(c: ViewedController, ring: 'rx' | 'tx'): RingView {
  const rx = ring === 'rx'
  const base = c.peekRegister(rx ? REG_RDBA : REG_TDBA)
  const size = c.peekRegister(rx ? REG_RDLEN : REG_TDLEN) >>> 4
  const head = c.peekRegister(rx ? REG_RDH : REG_TDH)
  const tail = c.peekRegister(rx ? REG_RDT : REG_TDT)
  const hardwareOwned = rx ? c.rx.freeDescriptors() : c.tx.pendingDescriptors()
  const dma = c.dma
  const readable = size > 0 && dma.reaches(base, size * DESCRIPTOR_SIZE)
  const slots: RingSlotView[] = []
  if (readable) {
    for (let i = 0; i < size; i++) {
      const d = base + i * DESCRIPTOR_SIZE
      const owned = head < size && tail < size && (i - head + size) % size < hardwareOwned
      slots.push({
        index: i,
        owner: owned ? 'hardware' : 'driver',
        bufferAddress: dma.read32(d + (rx ? RXD_BUFFER_ADDRESS : TXD_BUFFER_ADDRESS)),
        length: dma.read16(d + (rx ? RXD_LENGTH : TXD_LENGTH)),
        status: dma.read8(d + (rx ? RXD_STATUS : TXD_STATUS)),
        flags: dma.read8(d + (rx ? RXD_ERRORS : TXD_CMD)),
      })
    }
  }
  return { ring, base, size, head, tail, hardwareOwned, readable, slots }
}

/** What the statistics view reads (any controller model built on ControllerState). */
export interface CountedController {
  readonly s: ControllerState
  readonly scheduler: Scheduler
  readonly testControl: { readonly dmaStalled: boolean }
}

export function controllerStatistics(c: CountedController): ControllerStatistics {
  const totals = {} as Record<TotalName, number>
  TOTAL_NAMES.forEach((name, i) => (totals[name] = c.s.totals[i]))
  return {
    totals,
    rxFifoDepth: c.s.fifoCount,
    rxFifoFrames: c.s.fifoLength.length,
    linkUp: c.s.cableConnected,
    interruptAsserted: c.s.lineAsserted,
    dmaStalled: c.testControl.dmaStalled,
    nowNs: c.scheduler.nowNs,
  }
}
