// The Intel 82540EM gigabit Ethernet controller (8254x SDM; docs/82540em.md), beside the WB-100 behind the same
// ControllerDevice: the 128 KB register window driven by the table in e1000-registers.ts, the EEPROM (EERD, EECD),
// the PHY (MDIC), link, interrupts with ITR and the delay timers, receive and transmit DMA, the statistics. The
// datasheet checks (R73–R82) are made at the register access that breaks a rule, so the finding names the script
// line. Time comes only from the scheduler.
import type { NonPagedMemory } from '../kernel/memory'
import { NO_EVENT, type EventId } from '../sim/event-queue'
import type { Scheduler } from '../sim/scheduler'
import type { RuleDef } from '../verifier/rule'
import { R73, R74, R75, R76, R77, R78, R79, R80, R81, R82 } from '../verifier/catalogue'
import { MAX_FRAME_BYTES } from './descriptors'
import type { ControllerDevice } from './device'
import { DmaPort, type DmaCheck } from './dma'
import { Eeprom } from './e1000-eeprom'
import { DelayedCause } from './e1000-interrupts'
import { E1000Link } from './e1000-link'
import { Phy } from './e1000-phy'
import { E1000Receive, E_RXD_ADDR, E_RXD_ADDR_HIGH, E_RXD_SIZE } from './e1000-receive'
import {
  CTRL_RST,
  E1000_IO_LENGTH,
  E1000_REGISTERS,
  E1000_REGISTER_AT,
  E1000_WINDOW_LENGTH,
  E_CTRL,
  E_EERD,
  E_GORCH,
  E_GORCL,
  E_GOTCH,
  E_GOTCL,
  E_ICR,
  E_IMS,
  E_ITR,
  E_MDIC,
  E_RAH0,
  E_RAL0,
  E_RDBAL,
  E_RDLEN,
  E_RDT,
  E_RDTR,
  E_TDBAL,
  E_TDLEN,
  E_TDT,
  E_TORH,
  E_TORL,
  E_TOTH,
  E_TOTL,
  E_RCTL,
  E_TCTL,
  e1000BufferSize,
  ICR_ALL,
  ICR_MDAC,
  ICR_RXT0,
  ICR_TXDW,
  MDIC_INT_EN,
  RAH_AV,
  RCTL_EN,
  TCTL_EN,
  type E1000RegisterSpec,
} from './e1000-registers'
import { E1000Transmit } from './e1000-transmit'
import { e1000RegisterView, e1000RingView, type E1000Extras, e1000Extras } from './e1000-view'
import { InterruptUnit, type InterruptLine } from './interrupts'
import type { LinkSpeedMbps } from './link'
import { e1000Resources, E1000_DEFAULT_ADDRESS, e1000PciConfig } from './e1000-pci'
import type { AdapterResources } from './resources'
import { createState, T_BAD_REGISTER_ACCESSES, type ControllerState } from './state'
import { ControllerTestControl } from './test-control'
import { controllerStatistics, type ControllerStatistics, type RegisterViewRow, type RingView } from './view'
import type { WirePort } from './wire-port'

/** Scheduler kinds from `eventKindBase` (the same six the WB-100 uses) and from `extraKindBase` (two more). */
export const E1000_SCHED_KINDS = 6
export const E1000_EXTRA_SCHED_KINDS = 2
const K_WIRE = 0
const K_RX_DRAIN = 1
const K_TX = 2
const K_THROTTLE = 3
const K_STALL_END = 4
const K_LINK = 5
const X_RXT0 = 0
const X_TXDW = 1

/** Reports a datasheet finding (the engine passes the verifier's report; the current script line is the site). */
export type DatasheetReport = (rule: RuleDef, p2: number, p3: number, p4: number, message: string) => void

export interface E1000Options {
  readonly memory: NonPagedMemory
  readonly scheduler: Scheduler
  readonly eventKindBase: number
  readonly extraKindBase: number
  readonly permanentAddress?: readonly number[]
  readonly rxFifoFrames?: number
  readonly linkSpeedMbps?: LinkSpeedMbps
  readonly cableConnected?: boolean
  readonly dmaCheck?: DmaCheck
  readonly datasheet?: DatasheetReport
  /** True when [pa, pa + length) lies inside one block of shared memory the adapter holds (R80). */
  readonly isSharedMemory?: (pa: number, length: number) => boolean
}

const w = (offset: number) => offset >>> 2
const hex = (n: number) => '0x' + (n >>> 0).toString(16).toUpperCase()

export class E1000Controller implements ControllerDevice {
  readonly model = '82540em' as const
  readonly resources: AdapterResources
  readonly memory: NonPagedMemory
  readonly scheduler: Scheduler
  readonly testControl: ControllerTestControl
  /** @internal the units; views and NDIS use the methods. */
  readonly s: ControllerState
  readonly interrupts: InterruptUnit
  readonly eeprom: Eeprom
  readonly phy: Phy
  readonly link: E1000Link
  readonly rx: E1000Receive
  readonly tx: E1000Transmit
  readonly dma: DmaPort
  readonly rxt0: DelayedCause
  readonly txdw: DelayedCause
  /** PCI configuration space (SDM §4.1): what NdisReadPciSlotInformation would read. */
  readonly pciConfig: Uint8Array
  /**
   * Software may set the command register (I/O, memory, bus master enables) and the interrupt line; identity, BARs
   * as the bus assigned them and the rest stay (PCI Local Bus 3.0 §6.2).
   */
  writePciConfig(offset: number, length: number, from: Uint8Array, at: number): number {
    const n = Math.max(0, Math.min(length, this.pciConfig.length - offset))
    for (let i = 0; i < n; i++) {
      const o = offset + i
      if (o === 0x04 || o === 0x05 || o === 0x3c) this.pciConfig[o] = from[at + i]!
    }
    return n
  }
  private readonly report: DatasheetReport | null
  private readonly isShared: ((pa: number, length: number) => boolean) | null
  private readonly rxScratch = new Uint8Array(MAX_FRAME_BYTES)
  private readonly kindBase: number
  private wire: WirePort | undefined
  private arrivalEvent: EventId = NO_EVENT
  /** Virtual time CTRL.RST was written, -1 when no reset is in progress (R78). */
  private resetAtNs = -1
  private resetCtrl = 0
  /** IOADDR of the I/O window (SDM §13.2). */
  private ioAddress = 0

  constructor(options: E1000Options) {
    const { memory, scheduler, eventKindBase, extraKindBase } = options
    this.memory = memory
    this.scheduler = scheduler
    this.kindBase = eventKindBase
    this.report = options.datasheet ?? null
    this.isShared = options.isSharedMemory ?? null
    const address = validAddress(options.permanentAddress) ?? E1000_DEFAULT_ADDRESS
    this.resources = e1000Resources(address)
    this.pciConfig = e1000PciConfig(this.resources)
    this.s = createState(options.rxFifoFrames, E1000_WINDOW_LENGTH)
    this.s.cableConnected = options.cableConnected ?? true
    this.eeprom = new Eeprom(address)
    this.phy = new Phy(this.s.cableConnected)
    const dma = (this.dma = new DmaPort(memory, this.s.totals, options.dmaCheck ?? null))
    this.interrupts = new InterruptUnit(this.s, scheduler, eventKindBase + K_THROTTLE, {
      icr: w(E_ICR),
      ims: w(E_IMS),
      itr: w(E_ITR),
      causes: ICR_ALL,
      itrUnitNs: 256,
    })
    this.rxt0 = new DelayedCause(ICR_RXT0, this.interrupts, scheduler, extraKindBase + X_RXT0)
    this.txdw = new DelayedCause(ICR_TXDW, this.interrupts, scheduler, extraKindBase + X_TXDW)
    this.rx = new E1000Receive(this.s, dma, this.interrupts, this.rxt0, scheduler, eventKindBase + K_RX_DRAIN)
    this.tx = new E1000Transmit(this.s, dma, this.interrupts, this.txdw, scheduler, eventKindBase + K_TX)
    this.link = new E1000Link(
      this.s,
      this.phy,
      this.interrupts,
      scheduler,
      eventKindBase + K_LINK,
      options.linkSpeedMbps ?? 1000,
    )
    scheduler.on(eventKindBase + K_WIRE, () => this.onWireArrival())
    scheduler.on(eventKindBase + K_STALL_END, () => this.onDmaStallEnd())
    this.testControl = new ControllerTestControl(this)
    this.loadResetValues()
  }

  get totals(): Float64Array {
    return this.s.totals
  }

  // ---- The driver's side: BAR0 ----

  readRegister(offset: number, width: number = 4): number {
    const spec = this.access(offset, width, 0)
    if (spec === null) return 0
    const value = this.readWord(spec)
    if (width === 4) return value
    return (value >>> ((offset & 3) * 8)) & (width === 1 ? 0xff : 0xffff)
  }

  writeRegister(offset: number, width: number, value: number): void {
    if (typeof value !== 'number') {
      this.s.totals[T_BAD_REGISTER_ACCESSES]++
      return
    }
    const spec = this.access(offset, width, 1)
    if (spec === null) return
    const shift = (offset & 3) * 8
    const laneMask = width === 4 ? 0xffffffff : ((width === 1 ? 0xff : 0xffff) << shift) >>> 0
    const written = ((value << shift) & laneMask) >>> 0
    const regs = this.s.regs
    const word = w(spec.offset)
    const old = regs[word]
    this.checkWrite(spec, written, laneMask)
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

  peekRegister(offset: number): number {
    if (!Number.isInteger(offset) || offset < 0 || offset + 4 > E1000_WINDOW_LENGTH || (offset & 3) !== 0) return 0
    const index = E1000_REGISTER_AT[w(offset)]
    if (index < 0) return 0
    const spec = E1000_REGISTERS[index]
    if (spec.access === 'WO') return 0
    if (spec.effect === 'eerd') return this.eeprom.peekEerd()
    return this.s.regs[w(offset)]
  }

  pendingCauses(): number {
    return this.s.regs[w(E_ICR)]
  }

  /** The I/O window, BAR1 (SDM §13.2): IOADDR (offset 0) selects a register, IODATA (offset 4) reads or writes it. */
  readPort(offset: number, width: number = 4): number {
    if (width !== 4) return width === 1 ? 0xff : 0xffff // IOADDR and IODATA are 32-bit ports (SDM §13.2)
    if (offset === 0) return this.ioAddress
    if (offset === 4) return this.readRegister(this.ioAddress & 0x1fffc, 4)
    return 0xffffffff
  }

  writePort(offset: number, width: number, value: number): void {
    if (width !== 4) return
    if (offset === 0) this.ioAddress = (value >>> 0) & 0x1fffc
    else if (offset === 4) this.writeRegister(this.ioAddress, 4, value)
  }

  get ioLength(): number {
    return E1000_IO_LENGTH
  }

  /** Resolves an access to its register, checking width, the map and a reset in progress; null when it has none. */
  private access(offset: number, width: number, write: number): E1000RegisterSpec | null {
    if (
      !(width === 1 || width === 2 || width === 4) ||
      !Number.isInteger(offset) ||
      offset < 0 ||
      offset + width > E1000_WINDOW_LENGTH ||
      offset % width !== 0
    ) {
      this.s.totals[T_BAD_REGISTER_ACCESSES]++
      return null
    }
    if (this.resetAtNs >= 0) {
      if (this.scheduler.nowNs > this.resetAtNs) this.resetAtNs = -1
      else
        this.finding(
          R78,
          offset,
          write,
          this.resetCtrl,
          `${write ? 'write to' : 'read of'} ${this.nameAt(offset)} while the device reset CTRL.RST started is in progress: wait 1 µs first`,
        )
    }
    const index = E1000_REGISTER_AT[offset >>> 2]
    if (index < 0) {
      this.s.totals[T_BAD_REGISTER_ACCESSES]++
      this.finding(
        R81,
        offset,
        width,
        write,
        `${write ? 'write to' : 'read of'} offset ${hex(offset)}: the 82540EM has no register there`,
      )
      return null
    }
    const spec = E1000_REGISTERS[index]
    if (width !== 4)
      this.finding(
        R82,
        offset,
        width,
        write,
        `${width}-byte ${write ? 'write to' : 'read of'} ${spec.name}: 8254x registers are accessed as 32-bit double words`,
      )
    return spec
  }

  private finding(rule: RuleDef, p2: number, p3: number, p4: number, message: string): void {
    this.report?.(rule, p2 >>> 0, p3 >>> 0, p4 >>> 0, message)
  }

  private nameAt(offset: number): string {
    const i = E1000_REGISTER_AT[offset >>> 2]
    return i < 0 ? `offset ${hex(offset)}` : E1000_REGISTERS[i].name
  }

  private readWord(spec: E1000RegisterSpec): number {
    const word = w(spec.offset)
    const regs = this.s.regs
    if (spec.effect === 'eerd') return this.eeprom.readEerd()
    if (spec.effect === 'eecd') return this.eeprom.readEecd()
    switch (spec.access) {
      case 'WO':
        return 0
      case 'RC': {
        const value = regs[word]
        regs[word] = 0
        // The high half of a 64-bit statistic clears the low half too (QEMU mac_read_clr8).
        const low = pairedLow(spec.offset)
        if (low >= 0) regs[w(low)] = 0
        // SDM §13.4.17: reading ICR clears every cause, which drops the line.
        if (word === w(E_ICR) && value !== 0) this.interrupts.update()
        return value
      }
      default:
        return regs[word]
    }
  }

  /** The datasheet checks a write makes before it takes effect (R73–R77, R79, R80). */
  private checkWrite(spec: E1000RegisterSpec, written: number, laneMask: number): void {
    if (this.report === null) return
    const off = spec.offset
    const regs = this.s.regs
    if (spec.access === 'RO' || spec.access === 'RC') {
      this.finding(R77, off, written, written, `write of ${hex(written)} to ${spec.name}, a read-only register`)
      return
    }
    // IMC and ICS take all ones from Intel's own drivers (Linux e1000_irq_disable writes ~0 to IMC): not flagged.
    const reserved = spec.effect === 'imc' || spec.effect === 'ics' ? 0 : (written & laneMask & ~spec.writeMask) >>> 0
    if (reserved !== 0 && off !== E_RDLEN && off !== E_TDLEN)
      this.finding(
        R77,
        off,
        written,
        reserved,
        `write of ${hex(written)} to ${spec.name} sets reserved bits ${hex(reserved)}`,
      )
    switch (off) {
      case E_RDBAL:
      case E_TDBAL:
        if ((written & 0xf) !== 0)
          this.finding(R73, off, written, 0, `${spec.name} = ${hex(written)}: the ring base must be 16-byte aligned`)
        return
      case E_RDLEN:
      case E_TDLEN:
        if ((written & 0x7f) !== 0 || written === 0)
          this.finding(
            R74,
            off,
            written,
            0,
            `${spec.name} = ${written}: the ring length must be a non-zero multiple of 128 bytes`,
          )
        return
      case E_RDT:
      case E_TDT: {
        const n = (regs[w(off === E_RDT ? E_RDLEN : E_TDLEN)] & 0xfff80) >>> 4
        if (written >= n)
          this.finding(R75, off, written, n, `${spec.name} = ${written} is outside the ${n}-descriptor ring`)
        else if (off === E_RDT) this.checkPosted(regs[w(E_RDT)], written, n)
        return
      }
      case E_RCTL:
      case E_TCTL: {
        const rx = off === E_RCTL
        const en = rx ? RCTL_EN : TCTL_EN
        if ((written & en) === 0 || (regs[w(off)] & en) !== 0) return
        const len = regs[w(rx ? E_RDLEN : E_TDLEN)]
        const base = regs[w(rx ? E_RDBAL : E_TDBAL)]
        if (len === 0 || base === 0)
          this.finding(
            R76,
            off,
            written,
            len,
            `${spec.name}.EN set before the ${rx ? 'receive' : 'transmit'} ring is programmed (${rx ? 'RDBAL' : 'TDBAL'} ${hex(base)}, ${rx ? 'RDLEN' : 'TDLEN'} ${len})`,
          )
        return
      }
      case E_EERD:
        if ((written & 1) !== 0 && this.eeprom.eerdUnseen) {
          const previous = (this.eeprom.peekEerd() >>> 8) & 0xff
          this.finding(R79, written, previous, 0, `EERD START while the read of word ${previous} has not shown DONE`)
        }
        return
    }
  }

  /** R80: the descriptors an RDT write hands to the device, from the old tail up to the new one. */
  private checkPosted(from: number, to: number, n: number): void {
    if (this.isShared === null || n === 0 || from >= n) return
    const base = this.rx.ringBase()
    if (!this.dma.reaches(base, n * E_RXD_SIZE)) return
    const size = e1000BufferSize(this.s.regs[w(E_RCTL)])
    for (let k = from; k !== to; k = (k + 1) % n) {
      const d = base + k * E_RXD_SIZE
      const pa = this.dma.read32(d + E_RXD_ADDR)
      const high = this.dma.read32(d + E_RXD_ADDR_HIGH)
      if (pa === 0 && high === 0) continue // a null buffer the device skips (SDM §3.2.3)
      if (high !== 0 || !this.isShared(pa, size)) {
        this.finding(
          R80,
          k,
          pa,
          size,
          `receive descriptor ${k} points at ${hex(pa)}, which is not ${size} bytes of shared memory (RCTL buffer size)`,
        )
        return
      }
    }
  }

  private writeEffect(spec: E1000RegisterSpec, bits: number, old: number): void {
    const regs = this.s.regs
    switch (spec.effect) {
      case 'ctrl':
        if ((bits & CTRL_RST) !== 0) {
          this.reset()
          this.resetAtNs = this.scheduler.nowNs
          this.resetCtrl = bits
          return
        }
        regs[w(E_CTRL)] &= ~CTRL_RST
        this.link.update()
        return
      case 'eecd':
        this.eeprom.writeEecd(bits)
        return
      case 'eerd':
        this.eeprom.writeEerd(bits)
        return
      case 'mdic': {
        regs[w(E_MDIC)] = this.phy.access(bits)
        if ((bits & MDIC_INT_EN) !== 0) this.interrupts.raise(ICR_MDAC)
        return
      }
      case 'ics':
        this.interrupts.raise(bits)
        return
      case 'imc':
        regs[w(E_IMS)] &= ~bits
        this.interrupts.update()
        return
      case 'ims':
      case 'itr':
        this.interrupts.update()
        return
      case 'rctl':
        if ((regs[w(E_RCTL)] & RCTL_EN) !== 0 && (old & RCTL_EN) === 0) this.rx.kick()
        return
      case 'rdt':
        this.rx.kick()
        return
      case 'tctl':
        if ((regs[w(E_TCTL)] & TCTL_EN) !== 0 && (old & TCTL_EN) === 0) this.tx.kick()
        return
      case 'tdt':
        this.tx.kick()
        return
      case 'none':
        // RDTR.FPD (bit 31): flush the pending receive delay at once (SDM §13.4.31).
        if (spec.offset === E_RDTR && (bits & 0x80000000) !== 0) {
          regs[w(E_RDTR)] &= 0xffff
          if (this.rxt0.waiting) this.rxt0.flush()
        }
        return
      case 'ring':
      case 'ral':
      case 'rah':
        return
    }
  }

  /** CTRL.RST (SDM §13.4.1): registers to reset values, the packet buffer emptied, the address reloaded from EEPROM. */
  reset(): void {
    this.rx.reset()
    this.tx.reset()
    this.eeprom.reset()
    this.rxt0.reset()
    this.txdw.reset()
    this.loadResetValues()
    this.interrupts.reset()
  }

  private loadResetValues(): void {
    const regs = this.s.regs
    regs.fill(0)
    for (const r of E1000_REGISTERS) regs[w(r.offset)] = r.reset
    // SDM §5.6.1: the Ethernet address is loaded from EEPROM words 0–2 into RAL0/RAH0 with AV.
    const e = this.eeprom.words
    regs[w(E_RAL0)] = (e[0] | (e[1] << 16)) >>> 0
    regs[w(E_RAH0)] = (e[2] | RAH_AV) >>> 0
    this.link.update(false)
  }

  // ---- The host's side ----

  connectInterrupt(line: InterruptLine | undefined): void {
    this.interrupts.line = line
  }

  get interruptAsserted(): boolean {
    return this.s.lineAsserted
  }

  attachWire(port: WirePort | undefined): void {
    this.wire = port
    this.tx.wire = port
    this.wireChanged()
  }

  wireChanged(): void {
    if (this.arrivalEvent !== NO_EVENT) this.scheduler.cancel(this.arrivalEvent)
    this.arrivalEvent = NO_EVENT
    const port = this.wire
    if (port === undefined) return
    const next = port.nextArrivalNs()
    if (!(next < Infinity)) return
    const now = this.scheduler.nowNs
    this.arrivalEvent = this.scheduler.schedule(next > now ? Math.ceil(next) : now, this.kindBase + K_WIRE)
  }

  private onWireArrival(): void {
    this.arrivalEvent = NO_EVENT
    const port = this.wire
    if (port === undefined) return
    const length = port.takeFrame(this.rxScratch)
    if (length > 0) this.rx.frameArrived(this.rxScratch, length)
    else if (!(port.nextArrivalNs() > this.scheduler.nowNs)) return
    this.wireChanged()
  }

  /** @internal test control: no DMA until `untilNs`. */
  stallDmaUntil(untilNs: number): void {
    const s = this.s
    if (untilNs <= s.dmaStallUntilNs) return
    s.dmaStallUntilNs = untilNs
    this.scheduler.schedule(untilNs, this.kindBase + K_STALL_END)
  }

  private onDmaStallEnd(): void {
    if (this.scheduler.nowNs < this.s.dmaStallUntilNs) return
    this.s.dmaStallUntilNs = 0
    this.rx.drain()
    this.tx.process()
  }

  // ---- Views ----

  registerView(): RegisterViewRow[] {
    return e1000RegisterView(this)
  }

  ringView(ring: 'rx' | 'tx'): RingView {
    return e1000RingView(this, ring)
  }

  statistics(): ControllerStatistics {
    return controllerStatistics(this)
  }

  /** EEPROM words, PHY registers and the decoded fields, for the Controller panel. */
  extras(): E1000Extras {
    return e1000Extras(this)
  }
}

/** The low half a 64-bit statistic's high half clears with it, or -1. */
function pairedLow(offset: number): number {
  switch (offset) {
    case E_GORCH:
      return E_GORCL
    case E_GOTCH:
      return E_GOTCL
    case E_TORH:
      return E_TORL
    case E_TOTH:
      return E_TOTL
    default:
      return -1
  }
}

function validAddress(address: readonly number[] | undefined): readonly number[] | undefined {
  if (address === undefined || address.length !== 6) return undefined
  return address.every((b) => Number.isInteger(b) && b >= 0 && b <= 255) ? address : undefined
}
