// Controls for tests and scenarios that the driver cannot see or touch (controller.md §11), in the manner of
// netdevsim's debugfs knobs. Bad arguments are refused (false), never thrown.
import type { Scheduler } from '../sim/scheduler'
import type { ControllerState } from './state'

/** The parts of a controller model the test controls reach (NicController and E1000Controller have them). */
export interface TestControlled {
  readonly s: ControllerState
  readonly rx: { frameArrived(frame: Uint8Array, length: number): void }
  readonly link: { setCable(connected: boolean): void; scheduleCable(atNs: number, connected: boolean): void }
  readonly scheduler: Scheduler
  stallDmaUntil(untilNs: number): void
}

export class ControllerTestControl {
  constructor(private readonly controller: TestControlled) {}

  /** The next `count` frames that enter the receive FIFO are written back with a CRC error (RXD errors.CE). */
  forceReceiveErrors(count: number): boolean {
    if (!isCount(count)) return false
    this.controller.s.forcedRxErrors = count
    return true
  }

  /** No DMA for `durationNs` from now: frames wait in the FIFO (then overrun), transmits wait (controller.md §11). */
  stallDma(durationNs: number): boolean {
    if (!isDuration(durationNs) || durationNs === 0) return false
    this.controller.stallDmaUntil(this.controller.scheduler.nowNs + durationNs)
    return true
  }

  get dmaStalled(): boolean {
    return this.controller.s.dmaStallUntilNs > this.controller.scheduler.nowNs
  }

  /** The cable switch: plug in (true) or pull out (false) now. */
  setLink(up: boolean): void {
    this.controller.link.setCable(up === true)
  }

  get linkUp(): boolean {
    return this.controller.s.cableConnected
  }

  /** Pulls the cable now and plugs it back after `downNs`: two LSC causes. */
  flapLink(downNs: number): boolean {
    if (!isDuration(downNs)) return false
    const link = this.controller.link
    link.setCable(false)
    link.scheduleCable(this.controller.scheduler.nowNs + downNs, true)
    return true
  }

  /** Plugs or pulls the cable at a future virtual time (scenarios). */
  scheduleLink(atNs: number, up: boolean): boolean {
    if (!isDuration(atNs) || atNs < this.controller.scheduler.nowNs) return false
    this.controller.link.scheduleCable(atNs, up === true)
    return true
  }

  /** Delivers `frame[0..length)` to the receive port now, as if it came from the wire (controller.md §6.1). */
  injectFrame(frame: Uint8Array, length: number = frame.length): boolean {
    if (!(frame instanceof Uint8Array) || !Number.isInteger(length) || length < 0 || length > frame.length) return false
    this.controller.rx.frameArrived(frame, length)
    return true
  }
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0x7fffffff
}

function isDuration(ns: number): boolean {
  return Number.isInteger(ns) && ns >= 0 && ns <= Number.MAX_SAFE_INTEGER / 2
}
