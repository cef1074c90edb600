// The receive path (controller.md §6): wire → receive FIFO → DMA into driver-posted buffers → descriptor write-back.
import { NO_EVENT, type EventId } from '../sim/event-queue'
import type { Scheduler } from '../sim/scheduler'
import {
  DESCRIPTOR_SIZE,
  MAX_FRAME_BYTES,
  MIN_FRAME_BYTES,
  RXD_BUFFER_ADDRESS,
  RXD_BUFFER_ADDRESS_HIGH,
  RXD_CHECKSUM,
  RXD_ERRORS,
  RXD_ERROR_CE,
  RXD_ERROR_RXE,
  RXD_LENGTH,
  RXD_SPECIAL,
  RXD_STATUS,
  RXD_STATUS_DD,
  RXD_STATUS_EOP,
} from './descriptors'
import type { DmaPort } from './dma'
import type { InterruptUnit } from './interrupts'
import {
  ICR_DMAE,
  ICR_RXDMT0,
  ICR_RXO,
  ICR_RXT0,
  RCTL_EN,
  REG_DMAEC,
  REG_GORC,
  REG_GPRC,
  REG_MPC,
  REG_RCTL,
  REG_RDBA,
  REG_RDH,
  REG_RDLEN,
  REG_RDMT,
  REG_RDT,
  REG_RNBC,
  REG_RXERRC,
  receiveBufferSize,
} from './registers'
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

const RCTL = REG_RCTL >>> 2
const RDBA = REG_RDBA >>> 2
const RDLEN = REG_RDLEN >>> 2
const RDH = REG_RDH >>> 2
const RDT = REG_RDT >>> 2
const RDMT = REG_RDMT >>> 2

export class ReceiveUnit {
  private drainEvent: EventId = NO_EVENT

  constructor(
    private readonly s: ControllerState,
    private readonly dma: DmaPort,
    private readonly interrupts: InterruptUnit,
    private readonly scheduler: Scheduler,
    private readonly drainKind: number,
  ) {
    scheduler.on(drainKind, () => {
      this.drainEvent = NO_EVENT
      this.drain()
    })
  }

  get fifoSlots(): number {
    return this.s.fifoLength.length
  }

  /** Descriptors in the ring (RDLEN / 16), controller.md §3.10. */
  ringSize(): number {
    return this.s.regs[RDLEN] >>> 4
  }

  /** Descriptors the device owns: from RDH up to (not including) RDT (controller.md §4.3); 0 if misconfigured. */
  freeDescriptors(): number {
    const n = this.ringSize()
    const head = this.s.regs[RDH]
    const tail = this.s.regs[RDT]
    if (n === 0 || head >= n || tail >= n) return 0
    return (tail - head + n) % n
  }

  /** A frame reaches the port (controller.md §6.1); `length` may exceed `frame.length` (then it is too long). */
  frameArrived(frame: Uint8Array, length: number): void {
    const s = this.s
    const regs = s.regs
    const t = s.totals
    if (!s.cableConnected) {
      t[T_RX_LINK_DOWN_DROPS]++
      return
    }
    if (length < MIN_FRAME_BYTES || length > MAX_FRAME_BYTES || length > frame.length) {
      regs[REG_RXERRC >>> 2]++
      t[T_RX_LENGTH_ERRORS]++
      return
    }
    if ((regs[RCTL] & RCTL_EN) === 0) {
      regs[REG_MPC >>> 2]++
      t[T_RX_MISSED]++
      return
    }
    // controller.md §6.3: RNBC counts frames that find too few free descriptors, whether or not the FIFO keeps them.
    if (this.freeDescriptors() < Math.ceil(length / receiveBufferSize(regs[RCTL]))) {
      regs[REG_RNBC >>> 2]++
      t[T_RX_NO_BUFFER]++
    }
    const slots = this.fifoSlots
    if (s.fifoCount === slots) {
      regs[REG_MPC >>> 2]++
      t[T_RX_MISSED]++
      this.interrupts.raise(ICR_RXO)
      return
    }
    const slot = (s.fifoHead + s.fifoCount) % slots
    const fifo = s.fifoData
    const at = slot * MAX_FRAME_BYTES
    for (let i = 0; i < length; i++) fifo[at + i] = frame[i]
    s.fifoLength[slot] = length
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

  /** Asks for a drain as a separate event, so a register write never DMAs inside the driver's call. */
  kick(): void {
    if (this.drainEvent === NO_EVENT) this.drainEvent = this.scheduler.scheduleIn(0, this.drainKind)
  }

  /** Moves frames from the FIFO into posted buffers while there are enough descriptors (controller.md §6.1–§6.2). */
  drain(): void {
    const s = this.s
    const regs = s.regs
    if ((regs[RCTL] & RCTL_EN) === 0 || s.dmaStallUntilNs > this.scheduler.nowNs) return
    let causes = 0
    const n = this.ringSize()
    const bufferSize = receiveBufferSize(regs[RCTL])
    while (s.fifoCount > 0) {
      const slot = s.fifoHead
      const length = s.fifoLength[slot]
      const need = Math.ceil(length / bufferSize)
      if (n > 0 && need > n - 1) {
        // controller.md §6.3: a frame the whole ring could never hold would block the FIFO for good; it is missed.
        regs[REG_MPC >>> 2]++
        s.totals[T_RX_MISSED]++
        causes |= ICR_RXO
        this.popFifo()
        continue
      }
      if (this.freeDescriptors() < need) break
      const base = regs[RDBA]
      if (!this.dma.reaches(base, n * DESCRIPTOR_SIZE)) {
        // controller.md §6.4: the ring itself is outside memory; the frame is dropped.
        causes |= this.dmaError()
        s.totals[T_RX_DMA_DROPS]++
        this.popFifo()
        break
      }
      causes |= this.deliver(slot, length, bufferSize, base, n)
      this.popFifo()
    }
    this.interrupts.raise(causes)
  }

  /** Writes one frame into consecutive descriptors from RDH; returns the causes it raises. */
  private deliver(slot: number, length: number, bufferSize: number, base: number, n: number): number {
    const s = this.s
    const regs = s.regs
    const t = s.totals
    const dma = this.dma
    const crcError = s.fifoCrcError[slot] !== 0
    let head = regs[RDH]
    let offset = 0
    let causes = ICR_RXT0
    let dropped = false
    while (offset < length) {
      const d = base + head * DESCRIPTOR_SIZE
      const chunk = Math.min(bufferSize, length - offset)
      const last = offset + chunk === length
      const buffer = dma.read32(d + RXD_BUFFER_ADDRESS)
      const ok =
        dma.read32(d + RXD_BUFFER_ADDRESS_HIGH) === 0 &&
        dma.writeBytes(buffer, s.fifoData, slot * MAX_FRAME_BYTES + offset, chunk)
      dma.write16(d + RXD_CHECKSUM, 0)
      dma.write16(d + RXD_SPECIAL, 0)
      head = (head + 1) % n
      if (!ok) {
        // controller.md §6.4: the buffer is outside memory; this descriptor ends the frame with RXE.
        dma.write16(d + RXD_LENGTH, 0)
        dma.write8(d + RXD_ERRORS, RXD_ERROR_RXE)
        dma.write8(d + RXD_STATUS, RXD_STATUS_DD | RXD_STATUS_EOP)
        causes |= this.dmaError()
        t[T_RX_DMA_DROPS]++
        dropped = true
        break
      }
      dma.write16(d + RXD_LENGTH, chunk)
      dma.write8(d + RXD_ERRORS, last && crcError ? RXD_ERROR_CE : 0)
      dma.write8(d + RXD_STATUS, last ? RXD_STATUS_DD | RXD_STATUS_EOP : RXD_STATUS_DD)
      offset += chunk
    }
    regs[RDH] = head
    if (!dropped) {
      if (crcError) {
        regs[REG_RXERRC >>> 2]++
        t[T_RX_CRC_ERRORS]++
      } else {
        regs[REG_GPRC >>> 2]++
        regs[REG_GORC >>> 2] += length
        t[T_RX_FRAMES]++
        t[T_RX_BYTES] += length
      }
    }
    // controller.md §6.5: the free count fell to the threshold.
    const threshold = regs[RDMT]
    if (threshold > 0 && this.freeDescriptors() <= threshold) causes |= ICR_RXDMT0
    return causes
  }

  private dmaError(): number {
    this.s.regs[REG_DMAEC >>> 2]++
    this.s.totals[T_DMA_ERRORS]++
    return ICR_DMAE
  }

  private popFifo(): void {
    const s = this.s
    s.fifoHead = (s.fifoHead + 1) % this.fifoSlots
    s.fifoCount--
  }

  /** Device reset (controller.md §9): frames waiting in the FIFO are lost, and counted. */
  reset(): void {
    const s = this.s
    s.totals[T_RX_RESET_DROPS] += s.fifoCount
    s.fifoHead = 0
    s.fifoCount = 0
  }
}
