// The WB-100 bus-master Ethernet controller (docs/controller.md): register file driven by the table in registers.ts,
// receive and transmit DMA engines, interrupt cause/mask/throttle, link. Time comes only from the scheduler.
import type { NonPagedMemory } from '../kernel/memory'
import { PciConfigSpace } from './pci-config'
import { NO_EVENT, type EventId } from '../sim/event-queue'
import type { Scheduler } from '../sim/scheduler'
import { MAX_FRAME_BYTES } from './descriptors'
import { DmaPort, type DmaCheck } from './dma'
import { InterruptUnit, type InterruptLine } from './interrupts'
import { LinkUnit, type LinkSpeedMbps } from './link'
import { ReceiveUnit } from './receive'
import {
  CTRL_RST,
  RAH_AV,
  RCTL_EN,
  REGISTERS,
  REGISTER_AT,
  REGISTER_WINDOW_LENGTH,
  REG_ICR,
  REG_IMS,
  REG_RAH,
  REG_RAL,
  REG_STATUS,
  TCTL_EN,
  type RegisterSpec,
} from './registers'
import { defaultResources, DEFAULT_PERMANENT_ADDRESS, type AdapterResources } from './resources'
import {
  cloneState,
  copyStateInto,
  createState,
  snapshotMismatch,
  T_BAD_REGISTER_ACCESSES,
  type ControllerState,
} from './state'
import type { ControllerDevice } from './device'
import { ControllerTestControl } from './test-control'
import { TransmitUnit } from './transmit'
import {
  controllerStatistics,
  registerView,
  ringView,
  type ControllerStatistics,
  type RegisterViewRow,
  type RingView,
} from './view'
import type { WirePort } from './wire-port'

/** Scheduler event kinds the controller uses, from `eventKindBase` on. */
export const CONTROLLER_SCHED_KINDS = 6
const SCHED_WIRE_ARRIVAL = 0
const SCHED_RX_DRAIN = 1
const SCHED_TX_PROCESS = 2
const SCHED_THROTTLE = 3
const SCHED_DMA_STALL_END = 4
const SCHED_LINK = 5

export interface ControllerOptions {
  readonly memory: NonPagedMemory
  readonly scheduler: Scheduler
  /** First of CONTROLLER_SCHED_KINDS consecutive scheduler event kinds this controller registers handlers for. */
  readonly eventKindBase: number
  /** Six bytes; defaults to DEFAULT_PERMANENT_ADDRESS. */
  readonly permanentAddress?: readonly number[]
  /** Receive FIFO depth in frames (controller.md §6.3), 1–64; default 8. */
  readonly rxFifoFrames?: number
  readonly linkSpeedMbps?: LinkSpeedMbps
  /** Whether the cable is plugged in at power-on; default true. */
  readonly cableConnected?: boolean
  /** Told every DMA transfer the controller makes (the verifier checks it lies inside live memory). */
  readonly dmaCheck?: DmaCheck
}

export class NicController implements ControllerDevice {
  readonly model = 'wb100' as const
  /** The PCI configuration space (controller.md §2.1). */
  readonly pciConfigSpace: PciConfigSpace
  readonly resources: AdapterResources
  readonly memory: NonPagedMemory
  readonly scheduler: Scheduler
  /** Test and scenario controls, not visible to the driver (controller.md §11). */
  readonly testControl: ControllerTestControl
  /** @internal the units; the UI and NDIS use the methods below. */
  readonly s: ControllerState
  readonly interrupts: InterruptUnit
  readonly rx: ReceiveUnit
  readonly tx: TransmitUnit
  readonly link: LinkUnit
  readonly dma: DmaPort
  private readonly permanentAddress: Uint8Array
  private readonly rxScratch = new Uint8Array(MAX_FRAME_BYTES)
  private readonly kindBase: number
  private wire: WirePort | undefined
  private arrivalEvent: EventId = NO_EVENT

  constructor(options: ControllerOptions) {
    const { memory, scheduler, eventKindBase } = options
    this.memory = memory
    this.scheduler = scheduler
    this.kindBase = eventKindBase
    const address = validAddress(options.permanentAddress) ?? DEFAULT_PERMANENT_ADDRESS
    this.permanentAddress = Uint8Array.from(address)
    this.resources = defaultResources(address)
    this.pciConfigSpace = new PciConfigSpace(this.resources)
    this.s = createState(options.rxFifoFrames)
    this.s.cableConnected = options.cableConnected ?? true
    const dma = (this.dma = new DmaPort(memory, this.s.totals, options.dmaCheck ?? null))
    this.interrupts = new InterruptUnit(this.s, scheduler, eventKindBase + SCHED_THROTTLE)
    this.rx = new ReceiveUnit(this.s, dma, this.interrupts, scheduler, eventKindBase + SCHED_RX_DRAIN)
    this.tx = new TransmitUnit(this.s, dma, this.interrupts, scheduler, eventKindBase + SCHED_TX_PROCESS)
    this.link = new LinkUnit(
      this.s,
      this.interrupts,
      scheduler,
      eventKindBase + SCHED_LINK,
      options.linkSpeedMbps ?? 1000,
    )
    scheduler.on(eventKindBase + SCHED_WIRE_ARRIVAL, () => this.onWireArrival())
    scheduler.on(eventKindBase + SCHED_DMA_STALL_END, () => this.onDmaStallEnd())
    this.testControl = new ControllerTestControl(this)
    this.loadResetValues()
  }

  // ---- The driver's side: the register window (controller.md §3) ----

  /**
   * A driver read of `width` bytes (1, 2 or 4) at `offset` in the register window. Reads of clear-on-read
   * registers clear them. A misaligned, out-of-window or odd-width access returns all ones and is counted
   * (controller.md §3.2); a hole in the map reads 0.
   */
  readRegister(offset: number, width: number = 4): number {
    if (!validAccess(offset, width)) {
      this.s.totals[T_BAD_REGISTER_ACCESSES]++
      return width === 1 ? 0xff : width === 2 ? 0xffff : 0xffffffff
    }
    const index = REGISTER_AT[offset >>> 2]
    if (index < 0) return 0
    const value = this.readWord(REGISTERS[index])
    if (width === 4) return value
    return (value >>> ((offset & 3) * 8)) & (width === 1 ? 0xff : 0xffff)
  }

  /** A driver write (controller.md §3.1, §3.2). Bad accesses are ignored and counted; holes ignore writes. */
  writeRegister(offset: number, width: number, value: number): void {
    if (!validAccess(offset, width) || typeof value !== 'number') {
      this.s.totals[T_BAD_REGISTER_ACCESSES]++
      return
    }
    const index = REGISTER_AT[offset >>> 2]
    if (index < 0) return
    const spec = REGISTERS[index]
    const shift = (offset & 3) * 8
    const laneMask = width === 4 ? 0xffffffff : ((width === 1 ? 0xff : 0xffff) << shift) >>> 0
    const written = ((value << shift) & laneMask) >>> 0
    const word = spec.offset >>> 2
    const regs = this.s.regs
    const old = regs[word]
    switch (spec.access) {
      case 'RO':
      case 'RC':
        return
      case 'RW':
        regs[word] = (((old & ~laneMask) | written) & spec.writeMask) >>> 0
        break
      case 'W1S':
        regs[word] = (old | (written & spec.writeMask)) >>> 0
        break
      case 'WO':
        break
    }
    this.writeEffect(spec, (written & spec.writeMask) >>> 0, old)
  }

  /** The value a register holds, without the side effects of a driver read (for views and tests). */
  peekRegister(offset: number): number {
    if (!validAccess(offset, 4)) return 0
    const index = REGISTER_AT[offset >>> 2]
    if (index < 0) return 0
    return REGISTERS[index].access === 'WO' ? 0 : this.s.regs[offset >>> 2]
  }

  private readWord(spec: RegisterSpec): number {
    const word = spec.offset >>> 2
    const regs = this.s.regs
    switch (spec.access) {
      case 'WO':
        return 0
      case 'RC': {
        const value = regs[word]
        regs[word] = 0
        // controller.md §5.2: reading ICR clears every cause, which drops the line.
        if (value !== 0) this.interrupts.update()
        return value
      }
      default:
        return regs[word]
    }
  }

  /** Side effects of a write beyond storing it (controller.md §3.2). `bits` = written bits within writeMask. */
  private writeEffect(spec: RegisterSpec, bits: number, old: number): void {
    const regs = this.s.regs
    switch (spec.effect) {
      case 'device-control':
        if ((bits & CTRL_RST) !== 0) this.reset()
        return
      case 'interrupt-set':
        this.interrupts.raise(bits)
        return
      case 'interrupt-mask-clear':
        regs[REG_IMS >>> 2] &= ~bits
        this.interrupts.update()
        return
      case 'interrupt-mask-set':
      case 'throttle':
        this.interrupts.update()
        return
      case 'receive-control':
        if ((regs[spec.offset >>> 2] & RCTL_EN) !== 0 && (old & RCTL_EN) === 0) this.rx.kick()
        return
      case 'receive-tail':
        this.rx.kick()
        return
      case 'transmit-control':
        if ((regs[spec.offset >>> 2] & TCTL_EN) !== 0 && (old & TCTL_EN) === 0) this.tx.kick()
        return
      case 'transmit-tail':
        this.tx.kick()
        return
      case 'none':
        return
    }
  }

  /** CTRL.RST (controller.md §9): registers to reset values, FIFO emptied, line dropped; the cable stays as it is. */
  reset(): void {
    this.rx.reset()
    this.loadResetValues()
    this.interrupts.reset()
  }

  private loadResetValues(): void {
    const regs = this.s.regs
    regs.fill(0)
    for (const r of REGISTERS) regs[r.offset >>> 2] = r.reset
    regs[REG_STATUS >>> 2] = this.link.statusValue()
    const a = this.permanentAddress
    regs[REG_RAL >>> 2] = (a[0] | (a[1] << 8) | (a[2] << 16) | (a[3] << 24)) >>> 0
    regs[REG_RAH >>> 2] = (a[4] | (a[5] << 8) | RAH_AV) >>> 0
  }

  /** ICR without the clear a driver read makes (controller.md §3.5). */
  pendingCauses(): number {
    return this.s.regs[REG_ICR >>> 2]
  }

  get totals(): Float64Array {
    return this.s.totals
  }

  // ---- The host's side: interrupt line and wire ----

  /** Connects the interrupt line (NdisMRegisterInterrupt); `undefined` disconnects it. */
  connectInterrupt(line: InterruptLine | undefined): void {
    this.interrupts.line = line
  }

  get interruptAsserted(): boolean {
    return this.s.lineAsserted
  }

  /** Connects a wire backend (or none) and starts pulling its frames when they are due. */
  attachWire(port: WirePort | undefined): void {
    this.wire = port
    this.tx.wire = port
    this.wireChanged()
  }

  /** The wire's next arrival time may have moved earlier (e.g. loopback got a frame): look again. */
  wireChanged(): void {
    if (this.arrivalEvent !== NO_EVENT) this.scheduler.cancel(this.arrivalEvent)
    this.arrivalEvent = NO_EVENT
    const port = this.wire
    if (port === undefined) return
    const next = port.nextArrivalNs()
    if (!(next < Infinity)) return
    const now = this.scheduler.nowNs
    const at = next > now ? Math.ceil(next) : now
    this.arrivalEvent = this.scheduler.schedule(at, this.kindBase + SCHED_WIRE_ARRIVAL)
  }

  private onWireArrival(): void {
    this.arrivalEvent = NO_EVENT
    const port = this.wire
    if (port === undefined) return
    const length = port.takeFrame(this.rxScratch)
    if (length > 0) this.rx.frameArrived(this.rxScratch, length)
    // A wire that says a frame is due but hands over none is not polled again until wireChanged().
    else if (!(port.nextArrivalNs() > this.scheduler.nowNs)) return
    this.wireChanged()
  }

  // ---- Test control hooks (called by ControllerTestControl) ----

  /** @internal controller.md §11: no DMA until `untilNs`. */
  stallDmaUntil(untilNs: number): void {
    const s = this.s
    if (untilNs <= s.dmaStallUntilNs) return
    s.dmaStallUntilNs = untilNs
    this.scheduler.schedule(untilNs, this.kindBase + SCHED_DMA_STALL_END)
  }

  private onDmaStallEnd(): void {
    if (this.scheduler.nowNs < this.s.dmaStallUntilNs) return
    this.s.dmaStallUntilNs = 0
    this.rx.drain()
    this.tx.process()
  }

  // ---- Views for the UI (plain data, made on request) ----

  registerView(): RegisterViewRow[] {
    return registerView(this)
  }

  ringView(ring: 'rx' | 'tx'): RingView {
    return ringView(this, ring)
  }

  statistics(): ControllerStatistics {
    return controllerStatistics(this)
  }

  /** The same registers in port space (controller.md §2): a port access is a register access at its offset. */
  readPort(offset: number, width: number): number {
    return this.readRegister(offset, width)
  }

  writePort(offset: number, width: number, value: number): void {
    this.writeRegister(offset, width, value)
  }

  /** Its configuration space (controller.md §2.1: identity, the two BARs, the interrupt line). */
  get pciConfig(): Uint8Array {
    return this.pciConfigSpace.bytes
  }

  writePciConfig(offset: number, length: number, from: Uint8Array, at: number): number {
    return this.pciConfigSpace.write(offset, length, from, at)
  }

  /** The WB-100 has no EEPROM and no PHY (controller.md §1). */
  extras(): null {
    return null
  }

  // ---- Snapshot (controller.md §12) ----

  /** A deep, versioned copy of the device state. */
  snapshot(): ControllerState {
    return cloneState(this.s)
  }

  /**
   * Restores a snapshot taken from a controller with the same FIFO depth. Returns undefined on success, or why it
   * cannot be restored (the device is then unchanged). Pending work is re-armed from the restored state.
   */
  restore(snapshot: ControllerState): string | undefined {
    const why = snapshotMismatch(snapshot, this.s)
    if (why !== undefined) return why
    copyStateInto(snapshot, this.s)
    this.interrupts.resync()
    if (this.s.dmaStallUntilNs > 0) {
      const until = Math.max(this.s.dmaStallUntilNs, this.scheduler.nowNs)
      this.s.dmaStallUntilNs = until
      this.scheduler.schedule(until, this.kindBase + SCHED_DMA_STALL_END)
    }
    this.rx.kick()
    this.tx.kick()
    this.wireChanged()
    return undefined
  }
}

function validAccess(offset: number, width: number): boolean {
  return (
    (width === 1 || width === 2 || width === 4) &&
    Number.isInteger(offset) &&
    offset >= 0 &&
    offset + width <= REGISTER_WINDOW_LENGTH &&
    offset % width === 0
  )
}

function validAddress(address: readonly number[] | undefined): readonly number[] | undefined {
  if (address === undefined || address.length !== 6) return undefined
  return address.every((b) => Number.isInteger(b) && b >= 0 && b <= 255) ? address : undefined
}
