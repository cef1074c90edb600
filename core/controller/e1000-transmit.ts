// The 82540EM's transmit path (SDM §3.3): descriptors from TDH to TDT in three formats told apart by CMD.DEXT and
// DTYP — legacy (SDM §3.3.3: buffer, length, CSO, CMD, STA, CSS), context (§3.3.6: IPCSS/IPCSO/IPCSE,
// TUCSS/TUCSO/TUCSE, the offload context later data descriptors use) and data (§3.3.7: buffer, DTALEN, DCMD, POPTS
// with IXSM/TXSM). A frame is gathered up to EOP, its checksums inserted (§3.3.5: the 16-bit one's complement sum
// from the start offset to the end offset, stored big-endian at the offset given, as QEMU's putsum does), padded when
// TCTL.PSP, sent, counted (§13.7), and the descriptors that ask (RS) get DD written back. TXDW (delayed by
// TIDV/TADV for IDE descriptors) and TXQE when the ring runs empty.
import { NO_EVENT, type EventId } from '../sim/event-queue'
import type { Scheduler } from '../sim/scheduler'
import { MAX_FRAME_BYTES, MIN_FRAME_BYTES } from './descriptors'
import type { DmaPort } from './dma'
import type { DelayedCause } from './e1000-interrupts'
import { add64, sizeBin } from './e1000-receive'
import {
  E_BPTC,
  E_GOTCH,
  E_GOTCL,
  E_GPTC,
  E_MPTC,
  E_PTC64,
  E_STATUS,
  E_TADV,
  E_TCTL,
  E_TDBAH,
  E_TDBAL,
  E_TDH,
  E_TDLEN,
  E_TDT,
  E_TIDV,
  E_TOTH,
  E_TOTL,
  E_TPT,
  ICR_TXQE,
  STATUS_LU,
  TCTL_EN,
  TCTL_PSP,
} from './e1000-registers'
import type { InterruptUnit } from './interrupts'
import {
  T_DMA_ERRORS,
  T_TX_BYTES,
  T_TX_DMA_DROPS,
  T_TX_FRAMES,
  T_TX_LENGTH_DROPS,
  T_TX_LINK_DOWN_DROPS,
  type ControllerState,
} from './state'
import type { WirePort } from './wire-port'

// Descriptor fields (SDM tables 3-8, 3-10, 3-12).
export const E_TXD_SIZE = 16
export const E_TXD_ADDR = 0
export const E_TXD_ADDR_HIGH = 4
export const E_TXD_LENGTH = 8
export const E_TXD_CSO = 10
export const E_TXD_CMD = 11
export const E_TXD_STATUS = 12
export const E_TXD_CSS = 13
/** Data descriptor: POPTS (IXSM, TXSM) in the byte legacy descriptors use for CSS. */
export const E_TXD_POPTS = 13
export const TXD_CMD_EOP = 1 << 0
export const TXD_CMD_IFCS = 1 << 1
export const TXD_CMD_IC = 1 << 2
export const TXD_CMD_TSE = 1 << 2
export const TXD_CMD_RS = 1 << 3
export const TXD_CMD_RPS = 1 << 4
export const TXD_CMD_DEXT = 1 << 5
export const TXD_CMD_VLE = 1 << 6
export const TXD_CMD_IDE = 1 << 7
export const TXD_STAT_DD = 1 << 0
/** DTYP in bits 23:20 of the dword at 8: 0000 context, 0001 data. */
export const TXD_DTYP_DATA = 1
export const POPTS_IXSM = 1 << 0
export const POPTS_TXSM = 1 << 1
// Context descriptor (SDM §3.3.6).
export const CTX_IPCSS = 0
export const CTX_IPCSO = 1
export const CTX_IPCSE = 2
export const CTX_TUCSS = 4
export const CTX_TUCSO = 5
export const CTX_TUCSE = 6

const MIN_PADDED = 60
const FCS = 4
const w = (offset: number) => offset >>> 2

export class E1000Transmit {
  wire: WirePort | undefined
  private readonly frame = new Uint8Array(MAX_FRAME_BYTES)
  private processEvent: EventId = NO_EVENT
  // The offload context of the last context descriptor (SDM §3.3.6): kept across frames until the next one.
  ipcss = 0
  ipcso = 0
  ipcse = 0
  tucss = 0
  tucso = 0
  tucse = 0
  /** Frames sent with a TSE data descriptor: TCP segmentation is not modelled, the frame goes as it is. */
  segmentationRequests = 0

  constructor(
    private readonly s: ControllerState,
    private readonly dma: DmaPort,
    private readonly interrupts: InterruptUnit,
    private readonly txdw: DelayedCause,
    private readonly scheduler: Scheduler,
    private readonly processKind: number,
  ) {
    scheduler.on(processKind, () => {
      this.processEvent = NO_EVENT
      this.process()
    })
  }

  ringSize(): number {
    return (this.s.regs[w(E_TDLEN)] & 0xfff80) >>> 4
  }

  ringBase(): number {
    return (this.s.regs[w(E_TDBAL)] & ~0xf) >>> 0
  }

  pendingDescriptors(): number {
    const n = this.ringSize()
    const head = this.s.regs[w(E_TDH)]
    const tail = this.s.regs[w(E_TDT)]
    if (n === 0 || head >= n || tail >= n) return 0
    return (tail - head + n) % n
  }

  kick(): void {
    if (this.processEvent === NO_EVENT) this.processEvent = this.scheduler.scheduleIn(0, this.processKind)
  }

  /** Sends every complete frame between TDH and TDT (SDM §3.3.1). */
  process(): void {
    const s = this.s
    const regs = s.regs
    if ((regs[w(E_TCTL)] & TCTL_EN) === 0 || s.dmaStallUntilNs > this.scheduler.nowNs) return
    if (this.pendingDescriptors() === 0) return
    const n = this.ringSize()
    const base = this.ringBase()
    const dma = this.dma
    if (regs[w(E_TDBAH)] !== 0 || !dma.reaches(base, n * E_TXD_SIZE)) {
      s.totals[T_DMA_ERRORS]++
      return
    }
    const tail = regs[w(E_TDT)]
    let head = regs[w(E_TDH)]
    let wroteBack = false
    let delayed = false
    while (head !== tail) {
      let k = head
      let length = 0
      let failed = false
      let complete = false
      let popts = -1
      let legacyCso = -1
      let legacyCss = 0
      while (k !== tail) {
        const d = base + k * E_TXD_SIZE
        k = (k + 1) % n
        const cmd = dma.read8(d + E_TXD_CMD)
        const extended = (cmd & TXD_CMD_DEXT) !== 0
        const dtyp = (dma.read8(d + E_TXD_CSO) >>> 4) & 0xf
        if (extended && dtyp !== TXD_DTYP_DATA) {
          this.loadContext(d)
          continue
        }
        const part = extended ? dma.read32(d + E_TXD_LENGTH) & 0xfffff : dma.read16(d + E_TXD_LENGTH)
        if (extended) {
          if (popts < 0) popts = dma.read8(d + E_TXD_POPTS)
          if ((cmd & TXD_CMD_TSE) !== 0) this.segmentationRequests++
        } else if ((cmd & TXD_CMD_IC) !== 0 && (cmd & TXD_CMD_EOP) !== 0) {
          legacyCso = dma.read8(d + E_TXD_CSO)
          legacyCss = dma.read8(d + E_TXD_CSS)
        }
        if (!failed) {
          if (length + part > MAX_FRAME_BYTES) failed = true
          else if (part > 0) {
            const ok =
              dma.read32(d + E_TXD_ADDR_HIGH) === 0 &&
              dma.readBytes(dma.read32(d + E_TXD_ADDR), this.frame, length, part)
            if (!ok) {
              s.totals[T_DMA_ERRORS]++
              s.totals[T_TX_DMA_DROPS]++
              failed = true
            } else length += part
          }
        }
        if ((cmd & TXD_CMD_EOP) !== 0) {
          complete = true
          break
        }
      }
      // SDM §3.3.1: a frame whose EOP descriptor is not posted yet waits for a later TDT write.
      if (!complete) break
      if (!failed) {
        if (popts > 0) this.insertChecksums(popts, length)
        if (legacyCso >= 0) putsum(this.frame, length, legacyCso, legacyCss, 0)
        this.send(length)
      }
      for (let j = head; j !== k; j = (j + 1) % n) {
        const d = base + j * E_TXD_SIZE
        const cmd = dma.read8(d + E_TXD_CMD)
        if ((cmd & (TXD_CMD_RS | TXD_CMD_RPS)) === 0) continue
        dma.write8(d + E_TXD_STATUS, (dma.read8(d + E_TXD_STATUS) & 0xf0) | TXD_STAT_DD)
        wroteBack = true
        if ((cmd & TXD_CMD_IDE) !== 0) delayed = true
      }
      head = k
      regs[w(E_TDH)] = head
    }
    if (wroteBack) {
      if (delayed) this.txdw.note(regs[w(E_TIDV)] & 0xffff, regs[w(E_TADV)] & 0xffff)
      else this.txdw.flush()
    }
    if (head === tail) this.interrupts.raise(ICR_TXQE)
  }

  private loadContext(d: number): void {
    const dma = this.dma
    this.ipcss = dma.read8(d + CTX_IPCSS)
    this.ipcso = dma.read8(d + CTX_IPCSO)
    this.ipcse = dma.read16(d + CTX_IPCSE)
    this.tucss = dma.read8(d + CTX_TUCSS)
    this.tucso = dma.read8(d + CTX_TUCSO)
    this.tucse = dma.read16(d + CTX_TUCSE)
  }

  /** POPTS of the frame's first data descriptor: TXSM first (it covers the IP payload), then IXSM (QEMU xmit_seg). */
  private insertChecksums(popts: number, length: number): void {
    if ((popts & POPTS_TXSM) !== 0) putsum(this.frame, length, this.tucso, this.tucss, this.tucse)
    if ((popts & POPTS_IXSM) !== 0) putsum(this.frame, length, this.ipcso, this.ipcss, this.ipcse)
  }

  private send(length: number): void {
    const s = this.s
    const t = s.totals
    const regs = s.regs
    if (length < MIN_FRAME_BYTES) {
      t[T_TX_LENGTH_DROPS]++
      return
    }
    if (!s.cableConnected || (regs[w(E_STATUS)] & STATUS_LU) === 0) {
      // No link: the frame is dropped but its descriptors complete, so the driver's sends finish.
      t[T_TX_LINK_DOWN_DROPS]++
      return
    }
    let sent = length
    if ((regs[w(E_TCTL)] & TCTL_PSP) !== 0 && sent < MIN_PADDED) {
      this.frame.fill(0, sent, MIN_PADDED)
      sent = MIN_PADDED
    }
    this.wire?.transmit(this.frame, sent, this.scheduler.nowNs)
    const f = this.frame
    const octets = sent + FCS
    regs[w(E_GPTC)]++
    regs[w(E_TPT)]++
    add64(regs, w(E_GOTCL), w(E_GOTCH), octets)
    add64(regs, w(E_TOTL), w(E_TOTH), octets)
    if ((f[0] & 1) !== 0) regs[w((f[0] & f[1] & f[2] & f[3] & f[4] & f[5]) === 0xff ? E_BPTC : E_MPTC)]++
    regs[w(E_PTC64) + sizeBin(octets)]++
    t[T_TX_FRAMES]++
    t[T_TX_BYTES] += sent
  }

  reset(): void {
    this.ipcss = this.ipcso = this.ipcse = this.tucss = this.tucso = this.tucse = 0
  }
}

/**
 * Inserts the checksum of `data[css..cse]` (to the end when `cse` is 0) at `sloc`, big-endian (SDM §3.3.5; QEMU
 * putsum). The driver seeds the field (the TCP/UDP pseudo-header sum, or 0 for the IP header) and it is summed with
 * the rest. A sum of 0 is sent as 0xFFFF.
 */
export function putsum(data: Uint8Array, length: number, sloc: number, css: number, cse: number): void {
  let end = length
  if (cse !== 0 && cse < length) end = cse + 1
  if (sloc + 1 >= end || css >= end) return
  let sum = 0
  for (let i = css; i + 1 < end; i += 2) sum += (data[i] << 8) | data[i + 1]
  if (((end - css) & 1) !== 0) sum += data[end - 1] << 8
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16)
  let result = ~sum & 0xffff
  if (result === 0) result = 0xffff
  data[sloc] = result >>> 8
  data[sloc + 1] = result & 0xff
}
