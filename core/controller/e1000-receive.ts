// The 82540EM's receive path (SDM §3.2): the address filter (RCTL.UPE/MPE/BAM, the 16 receive addresses RAL/RAH, the
// multicast table MTA hashed as RCTL.MO says), the packet buffer (a FIFO of frames), DMA into the buffers of legacy
// receive descriptors from RDH to RDT (SDM §3.2.3: 16 bytes, buffer address, length, checksum, status, errors,
// special), the FCS appended unless RCTL.SECRC, the statistics (SDM §13.7) and the causes RXT0 (through RDTR/RADV),
// RXDMT0 (RCTL.RDMTS) and RXO. Where the SDM leaves a choice, it is QEMU's hw/net/e1000.c (e1000_receive_iov).
import type { Scheduler } from '../sim/scheduler'
import { crc32Begin, crc32End, crc32Update } from '../wire/crc32'
import { MAX_FRAME_BYTES, MIN_FRAME_BYTES } from './descriptors'
import type { DmaPort } from './dma'
import type { DelayedCause } from './e1000-interrupts'
import {
  E_BPRC,
  E_CRCERRS,
  E_GORCH,
  E_GORCL,
  E_GPRC,
  E_MPC,
  E_MPRC,
  E_MTA,
  E_PRC64,
  E_RADV,
  E_RAH0,
  E_RAL0,
  E_RA_ENTRIES,
  E_RCTL,
  E_RDBAH,
  E_RDBAL,
  E_RDH,
  E_RDLEN,
  E_RDT,
  E_RDTR,
  E_RNBC,
  E_ROC,
  E_STATUS,
  E_TORH,
  E_TORL,
  E_TPR,
  e1000BufferSize,
  ICR_RXDMT0,
  ICR_RXO,
  RAH_AV,
  RCTL_BAM,
  RCTL_EN,
  RCTL_LPE,
  RCTL_MO_SHIFT,
  RCTL_MPE,
  RCTL_RDMTS_SHIFT,
  RCTL_SECRC,
  RCTL_UPE,
  STATUS_LU,
} from './e1000-registers'
import type { InterruptUnit } from './interrupts'
import {
  T_DMA_ERRORS,
  T_RX_BYTES,
  T_RX_CRC_ERRORS,
  T_RX_DMA_DROPS,
  T_RX_FIFO_HIGH_WATER,
  T_RX_FRAMES,
  T_RX_LENGTH_ERRORS,
  T_RX_LINK_DOWN_DROPS,
  T_RX_MISSED,
  T_RX_NO_BUFFER,
  T_RX_RESET_DROPS,
  type ControllerState,
} from './state'
import { NO_EVENT, type EventId } from '../sim/event-queue'

// Legacy receive descriptor (SDM §3.2.3, table 3-1).
export const E_RXD_SIZE = 16
export const E_RXD_ADDR = 0
export const E_RXD_ADDR_HIGH = 4
export const E_RXD_LENGTH = 8
export const E_RXD_CSUM = 10
export const E_RXD_STATUS = 12
export const E_RXD_ERRORS = 13
export const E_RXD_SPECIAL = 14
export const RXD_STAT_DD = 1 << 0
export const RXD_STAT_EOP = 1 << 1
/** Ignore checksum indication: set while RXCSUM offload is off (QEMU sets it on every EOP descriptor). */
export const RXD_STAT_IXSM = 1 << 2
export const RXD_ERR_CE = 1 << 0

/** Shortest frame the MAC hands on, without FCS: short frames are padded (QEMU pads to ETH_ZLEN). */
const MIN_PADDED = 60
/** Longest frame without LPE, without FCS: 1518 with a VLAN tag (SDM §13.4.22 LPE; QEMU e1000x_is_oversized). */
const MAX_STANDARD = 1518
const FCS = 4
/** QEMU's mta_shift: the 12 hash bits of the destination address for RCTL.MO = 0..3 (SDM §13.5.1). */
const MTA_SHIFT = [4, 3, 2, 0]

const w = (offset: number) => offset >>> 2

export class E1000Receive {
  private drainEvent: EventId = NO_EVENT
  /** The FCS of the frame being written, after its bytes. */
  private readonly fcsBytes = new Uint8Array(FCS)

  constructor(
    private readonly s: ControllerState,
    private readonly dma: DmaPort,
    private readonly interrupts: InterruptUnit,
    private readonly rxt0: DelayedCause,
    private readonly scheduler: Scheduler,
    private readonly drainKind: number,
  ) {
    scheduler.on(drainKind, () => {
      this.drainEvent = NO_EVENT
      this.drain()
    })
  }

  ringSize(): number {
    return (this.s.regs[w(E_RDLEN)] & 0xfff80) >>> 4
  }

  ringBase(): number {
    return (this.s.regs[w(E_RDBAL)] & ~0xf) >>> 0
  }

  /** Descriptors the device owns, RDH up to RDT (SDM §3.2.6); 0 when head or tail lies outside the ring. */
  freeDescriptors(): number {
    const n = this.ringSize()
    const head = this.s.regs[w(E_RDH)]
    const tail = this.s.regs[w(E_RDT)]
    if (n === 0 || head >= n || tail >= n) return 0
    return (tail - head + n) % n
  }

  /** The address filter (SDM §3.2.1; QEMU e1000x_rx_group_filter). */
  accepts(frame: Uint8Array): boolean {
    const regs = this.s.regs
    const rctl = regs[w(E_RCTL)]
    const group = (frame[0] & 1) !== 0
    if (!group && (rctl & RCTL_UPE) !== 0) return true
    if (group && (rctl & RCTL_MPE) !== 0) return true
    const low = (frame[0] | (frame[1] << 8) | (frame[2] << 16) | (frame[3] << 24)) >>> 0
    const high = frame[4] | (frame[5] << 8)
    if (group && low === 0xffffffff && high === 0xffff) return (rctl & RCTL_BAM) !== 0
    for (let i = 0; i < E_RA_ENTRIES; i++) {
      const rah = regs[w(E_RAH0) + i * 2]
      if ((rah & RAH_AV) === 0) continue
      if (regs[w(E_RAL0) + i * 2] === low && (rah & 0xffff) === high) return true
    }
    if (!group) return false
    const hash = ((((frame[5] << 8) | frame[4]) >>> MTA_SHIFT[(rctl >>> RCTL_MO_SHIFT) & 3]) & 0xfff) >>> 0
    return ((regs[w(E_MTA) + (hash >>> 5)] >>> (hash & 31)) & 1) !== 0
  }

  /** A frame reaches the MAC from the wire (without FCS); `length` may exceed `frame.length` (too long). */
  frameArrived(frame: Uint8Array, length: number): void {
    const s = this.s
    const regs = s.regs
    const t = s.totals
    if (!s.cableConnected || (regs[w(E_STATUS)] & STATUS_LU) === 0) {
      t[T_RX_LINK_DOWN_DROPS]++
      return
    }
    const rctl = regs[w(E_RCTL)]
    if (length < MIN_FRAME_BYTES || length > frame.length || length > MAX_FRAME_BYTES) {
      t[T_RX_LENGTH_ERRORS]++
      return
    }
    if ((rctl & RCTL_LPE) === 0 && length > MAX_STANDARD) {
      regs[w(E_ROC)]++
      t[T_RX_LENGTH_ERRORS]++
      return
    }
    if ((rctl & RCTL_EN) === 0) {
      t[T_RX_MISSED]++
      return
    }
    if (!this.accepts(frame)) return
    const padded = length < MIN_PADDED ? MIN_PADDED : length
    const total = padded + ((rctl & RCTL_SECRC) === 0 ? FCS : 0)
    const bufferSize = e1000BufferSize(rctl)
    if (bufferSize === 0 || this.freeDescriptors() * bufferSize < total) {
      regs[w(E_RNBC)]++
      t[T_RX_NO_BUFFER]++
    }
    const slots = s.fifoLength.length
    if (s.fifoCount === slots) {
      // The packet buffer is full (SDM §3.2.7.3): the frame is missed, RXO.
      regs[w(E_MPC)]++
      t[T_RX_MISSED]++
      this.interrupts.raise(ICR_RXO)
      return
    }
    const slot = (s.fifoHead + s.fifoCount) % slots
    const at = slot * MAX_FRAME_BYTES
    const fifo = s.fifoData
    for (let i = 0; i < length; i++) fifo[at + i] = frame[i]
    for (let i = length; i < padded; i++) fifo[at + i] = 0
    s.fifoLength[slot] = padded
    let crcError = 0
    if (s.forcedRxErrors > 0) {
      s.forcedRxErrors--
      crcError = 1
    }
    s.fifoCrcError[slot] = crcError
    s.fifoCount++
    if (s.fifoCount > t[T_RX_FIFO_HIGH_WATER]) t[T_RX_FIFO_HIGH_WATER] = s.fifoCount
    this.drain()
  }

  kick(): void {
    if (this.drainEvent === NO_EVENT) this.drainEvent = this.scheduler.scheduleIn(0, this.drainKind)
  }

  /** Frames from the packet buffer into posted descriptors while there are enough of them (SDM §3.2.6). */
  drain(): void {
    const s = this.s
    const regs = s.regs
    const rctl = regs[w(E_RCTL)]
    if ((rctl & RCTL_EN) === 0 || s.dmaStallUntilNs > this.scheduler.nowNs) return
    const n = this.ringSize()
    const bufferSize = e1000BufferSize(rctl)
    const fcs = (rctl & RCTL_SECRC) === 0 ? FCS : 0
    let causes = 0
    let delivered = false
    while (s.fifoCount > 0 && n > 0 && bufferSize > 0) {
      const slot = s.fifoHead
      const total = s.fifoLength[slot] + fcs
      const need = Math.ceil(total / bufferSize)
      if (need > n - 1) {
        // A frame the whole ring could never hold would block the packet buffer for good: it is missed.
        regs[w(E_MPC)]++
        s.totals[T_RX_MISSED]++
        causes |= ICR_RXO
        this.popFifo()
        continue
      }
      if (this.freeDescriptors() < need) break
      const base = this.ringBase()
      if (regs[w(E_RDBAH)] !== 0 || !this.dma.reaches(base, n * E_RXD_SIZE)) {
        // The ring is outside memory: nothing can be written back; the frame is dropped.
        s.totals[T_DMA_ERRORS]++
        s.totals[T_RX_DMA_DROPS]++
        this.popFifo()
        break
      }
      this.deliver(slot, total, fcs, bufferSize, base, n)
      this.popFifo()
      delivered = true
    }
    if (delivered) {
      // SDM §3.2.7.1: RXT0 after the receive delay timers; RXDMT0 when free descriptors fall to RDLEN >> (RDMTS + 1).
      this.rxt0.note(regs[w(E_RDTR)] & 0xffff, regs[w(E_RADV)] & 0xffff)
      const threshold = (n * E_RXD_SIZE) >>> (((rctl >>> RCTL_RDMTS_SHIFT) & 3) + 1)
      if (this.freeDescriptors() * E_RXD_SIZE <= threshold) causes |= ICR_RXDMT0
    }
    this.interrupts.raise(causes)
  }

  /** Writes one frame (its FCS appended) into descriptors from RDH; legacy write-back (SDM §3.2.3). */
  private deliver(slot: number, total: number, fcs: number, bufferSize: number, base: number, n: number): void {
    const s = this.s
    const regs = s.regs
    const t = s.totals
    const dma = this.dma
    const length = total - fcs
    const at = slot * MAX_FRAME_BYTES
    const fifo = s.fifoData
    const crcError = s.fifoCrcError[slot] !== 0
    if (fcs > 0) {
      let crc = crc32End(crc32Update(crc32Begin(), fifo, at, at + length))
      if (crcError) crc = ~crc
      const f = this.fcsBytes
      f[0] = crc & 0xff
      f[1] = (crc >>> 8) & 0xff
      f[2] = (crc >>> 16) & 0xff
      f[3] = (crc >>> 24) & 0xff
    }
    let head = regs[w(E_RDH)]
    let offset = 0
    let dropped = false
    let guard = n
    while (offset < total && guard-- > 0) {
      const d = base + head * E_RXD_SIZE
      head = (head + 1) % n
      const buffer = dma.read32(d + E_RXD_ADDR)
      const high = dma.read32(d + E_RXD_ADDR_HIGH)
      if (buffer === 0 && high === 0) {
        // SDM §3.2.3: a descriptor with a null buffer address is skipped (written back DD, nothing stored).
        dma.write8(d + E_RXD_STATUS, RXD_STAT_DD)
        continue
      }
      const chunk = Math.min(bufferSize, total - offset)
      const last = offset + chunk === total
      // The frame's bytes straight from the packet buffer, then the FCS bytes that fall in this buffer.
      const frameBytes = Math.max(0, Math.min(chunk, length - offset))
      const ok =
        high === 0 &&
        (frameBytes === 0 || dma.writeBytes(buffer, fifo, at + offset, frameBytes)) &&
        (frameBytes === chunk ||
          dma.writeBytes(buffer + frameBytes, this.fcsBytes, offset + frameBytes - length, chunk - frameBytes))
      dma.write16(d + E_RXD_LENGTH, ok ? chunk : 0)
      dma.write16(d + E_RXD_CSUM, 0)
      dma.write16(d + E_RXD_SPECIAL, 0)
      dma.write8(d + E_RXD_ERRORS, last && crcError ? RXD_ERR_CE : 0)
      dma.write8(d + E_RXD_STATUS, last || !ok ? RXD_STAT_DD | RXD_STAT_EOP | RXD_STAT_IXSM : RXD_STAT_DD)
      if (!ok) {
        t[T_DMA_ERRORS]++
        t[T_RX_DMA_DROPS]++
        dropped = true
        break
      }
      offset += chunk
    }
    regs[w(E_RDH)] = head
    // Statistics (SDM §13.7): octet counts include the FCS, as the hardware counts them.
    const octets = length + FCS
    regs[w(E_TPR)]++
    add64(regs, w(E_TORL), w(E_TORH), octets)
    if (dropped) return
    if (crcError) {
      regs[w(E_CRCERRS)]++
      t[T_RX_CRC_ERRORS]++
      return
    }
    regs[w(E_GPRC)]++
    add64(regs, w(E_GORCL), w(E_GORCH), octets)
    if ((fifo[at] & 1) !== 0) {
      const broadcast = (fifo[at] & fifo[at + 1] & fifo[at + 2] & fifo[at + 3] & fifo[at + 4] & fifo[at + 5]) === 0xff
      regs[w(broadcast ? E_BPRC : E_MPRC)]++
    }
    regs[w(E_PRC64) + sizeBin(octets)]++
    t[T_RX_FRAMES]++
    t[T_RX_BYTES] += length
  }

  private popFifo(): void {
    const s = this.s
    s.fifoHead = (s.fifoHead + 1) % s.fifoLength.length
    s.fifoCount--
  }

  reset(): void {
    const s = this.s
    s.totals[T_RX_RESET_DROPS] += s.fifoCount
    s.fifoHead = 0
    s.fifoCount = 0
  }
}

/** Adds to a 64-bit statistic held in two registers (low, high). */
export function add64(regs: Uint32Array, low: number, high: number, n: number): void {
  const sum = regs[low] + n
  regs[low] = sum >>> 0
  if (sum > 0xffffffff) regs[high] = (regs[high] + 1) >>> 0
}

/** PRC64..PRC1522 / PTC64..PTC1522 bin of a frame of `octets` bytes with FCS: 0 for 64, 1 for 65–127, ... */
export function sizeBin(octets: number): number {
  return octets <= 64 ? 0 : octets <= 127 ? 1 : octets <= 255 ? 2 : octets <= 511 ? 3 : octets <= 1023 ? 4 : 5
}
