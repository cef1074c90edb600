// The transmit path (controller.md §7): descriptors from TDH to TDT are gathered into frames, sent to the wire,
// and completed by writing DD back into descriptors that asked for it (RS).
import { NO_EVENT, type EventId } from '../sim/event-queue'
import type { Scheduler } from '../sim/scheduler'
import {
  DESCRIPTOR_SIZE,
  MAX_FRAME_BYTES,
  MIN_FRAME_BYTES,
  TXD_BUFFER_ADDRESS,
  TXD_BUFFER_ADDRESS_HIGH,
  TXD_CMD,
  TXD_CMD_EOP,
  TXD_CMD_RS,
  TXD_LENGTH,
  TXD_STATUS,
  TXD_STATUS_DD,
  TXD_STATUS_ERR,
} from './descriptors'
import type { DmaPort } from './dma'
import type { InterruptUnit } from './interrupts'
import {
  ICR_DMAE,
  ICR_TXDW,
  REG_DMAEC,
  REG_GOTC,
  REG_GPTC,
  REG_TCTL,
  REG_TDBA,
  REG_TDH,
  REG_TDLEN,
  REG_TDT,
  TCTL_EN,
} from './registers'
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

const TCTL = REG_TCTL >>> 2
const TDBA = REG_TDBA >>> 2
const TDLEN = REG_TDLEN >>> 2
const TDH = REG_TDH >>> 2
const TDT = REG_TDT >>> 2

const OUTCOME_SENT = 0
const OUTCOME_DMA_ERROR = 1
const OUTCOME_TOO_LONG = 2

export class TransmitUnit {
  wire: WirePort | undefined
  /** The one frame buffer every transmitted frame is gathered into. */
  private readonly frame = new Uint8Array(MAX_FRAME_BYTES)
  private processEvent: EventId = NO_EVENT

  constructor(
    private readonly s: ControllerState,
    private readonly dma: DmaPort,
    private readonly interrupts: InterruptUnit,
    private readonly scheduler: Scheduler,
    private readonly processKind: number,
  ) {
    scheduler.on(processKind, () => {
      this.processEvent = NO_EVENT
      this.process()
    })
  }

  ringSize(): number {
    return this.s.regs[TDLEN] >>> 4
  }

  /** Descriptors posted and not yet sent: from TDH up to TDT (controller.md §4.3). */
  pendingDescriptors(): number {
    const n = this.ringSize()
    const head = this.s.regs[TDH]
    const tail = this.s.regs[TDT]
    if (n === 0 || head >= n || tail >= n) return 0
    return (tail - head + n) % n
  }

  /** A TDT or TCTL write: the work happens in its own event, after the driver's register write returns. */
  kick(): void {
    if (this.processEvent === NO_EVENT) this.processEvent = this.scheduler.scheduleIn(0, this.processKind)
  }

  /** Sends every complete frame between TDH and TDT (controller.md §7.1). */
  process(): void {
    const s = this.s
    const regs = s.regs
    if ((regs[TCTL] & TCTL_EN) === 0 || s.dmaStallUntilNs > this.scheduler.nowNs) return
    if (this.pendingDescriptors() === 0) return
    const n = this.ringSize()
    const base = regs[TDBA]
    const dma = this.dma
    if (!dma.reaches(base, n * DESCRIPTOR_SIZE)) {
      // controller.md §7.3: the ring itself is outside memory; nothing can be read or completed.
      this.interrupts.raise(this.dmaError())
      return
    }
    const tail = regs[TDT]
    let head = regs[TDH]
    let causes = 0
    while (head !== tail) {
      // Gather one frame: descriptors from head through the first with EOP.
      let k = head
      let length = 0
      let outcome = OUTCOME_SENT
      let complete = false
      while (k !== tail) {
        const d = base + k * DESCRIPTOR_SIZE
        const part = dma.read16(d + TXD_LENGTH)
        const cmd = dma.read8(d + TXD_CMD)
        if (outcome === OUTCOME_SENT) {
          if (length + part > MAX_FRAME_BYTES) outcome = OUTCOME_TOO_LONG
          else if (
            dma.read32(d + TXD_BUFFER_ADDRESS_HIGH) !== 0 ||
            !dma.readBytes(dma.read32(d + TXD_BUFFER_ADDRESS), this.frame, length, part)
          )
            outcome = OUTCOME_DMA_ERROR
          else length += part
        }
        k = (k + 1) % n
        if ((cmd & TXD_CMD_EOP) !== 0) {
          complete = true
          break
        }
      }
      // controller.md §7.1: a frame whose EOP descriptor is not posted yet waits for a later TDT write.
      if (!complete) break
      const failed = this.send(outcome, length)
      if (outcome === OUTCOME_DMA_ERROR) causes |= this.dmaError()
      causes |= this.complete(base, head, k, n, failed)
      head = k
      regs[TDH] = head
    }
    this.interrupts.raise(causes)
  }

  /** Hands a gathered frame to the wire, or counts why it was not sent; true when it was not sent. */
  private send(outcome: number, length: number): boolean {
    const s = this.s
    const t = s.totals
    if (outcome === OUTCOME_DMA_ERROR) {
      t[T_TX_DMA_DROPS]++
      return true
    }
    if (outcome === OUTCOME_TOO_LONG || length < MIN_FRAME_BYTES) {
      t[T_TX_LENGTH_DROPS]++
      return true
    }
    if (!s.cableConnected) {
      // controller.md §8: with no link the frame is discarded but still completed, so the driver's sends finish.
      t[T_TX_LINK_DOWN_DROPS]++
      return true
    }
    this.wire?.transmit(this.frame, length, this.scheduler.nowNs)
    s.regs[REG_GPTC >>> 2]++
    s.regs[REG_GOTC >>> 2] += length
    t[T_TX_FRAMES]++
    t[T_TX_BYTES] += length
    return false
  }

  /** Writes DD (and ERR) into the frame's descriptors that have RS (controller.md §4.2, §7.2). */
  private complete(base: number, from: number, to: number, n: number, failed: boolean): number {
    let causes = 0
    for (let k = from; k !== to; k = (k + 1) % n) {
      const d = base + k * DESCRIPTOR_SIZE
      if ((this.dma.read8(d + TXD_CMD) & TXD_CMD_RS) === 0) continue
      this.dma.write8(d + TXD_STATUS, failed ? TXD_STATUS_DD | TXD_STATUS_ERR : TXD_STATUS_DD)
      causes = ICR_TXDW
    }
    return causes
  }

  private dmaError(): number {
    this.s.regs[REG_DMAEC >>> 2]++
    this.s.totals[T_DMA_ERRORS]++
    return ICR_DMAE
  }
}
