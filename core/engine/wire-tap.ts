// Sits between the controller and the wire backend and copies every frame into the capture (both directions,
// virtual-time stamps), counting frames on the way. Without a capture it adds one branch per frame.
import type { CaptureWriter } from '../capture/writer-options'
import { FrameDirection } from '../capture/frame-direction'
import type { WirePort } from '../controller/wire-port'
import type { Scheduler } from '../sim/scheduler'
import type { WireBackend } from '../wire/wire-backend'

export class WireTap implements WirePort {
  /** Frames the wire handed to the controller. */
  received = 0
  /** False once the run stops the traffic (before halt). */
  open = true

  constructor(
    readonly backend: WireBackend,
    private readonly scheduler: Scheduler,
    readonly capture: CaptureWriter | null,
    /** Called after a frame went out, so the controller looks again at a backend that may answer (loopback). */
    private readonly afterTransmit: () => void,
  ) {}

  nextArrivalNs(): number {
    return this.open ? this.backend.nextArrivalNs() : Infinity
  }

  takeFrame(into: Uint8Array): number {
    if (!this.open) return 0
    const length = this.backend.takeFrame(into)
    if (length > 0) {
      this.received++
      if (this.capture) {
        const kept = Math.min(length, into.length)
        this.capture.writeFrame(this.scheduler.nowNs, into, 0, kept, length, FrameDirection.Inbound)
      }
    }
    return length
  }

  transmit(frame: Uint8Array, length: number, timeNs: number): void {
    if (this.capture) this.capture.writeFrame(timeNs, frame, 0, length, length, FrameDirection.Outbound)
    this.backend.transmit(frame, length, timeNs)
    this.afterTransmit()
  }
}
