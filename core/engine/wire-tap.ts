// Sits between the controller and the wire backend and copies every frame into the capture (both directions,
// virtual-time stamps), counting frames on the way. Without a capture it adds one branch per frame.
import type { CaptureWriter } from '../capture/writer-options'
import type { WirePort } from '../controller/wire-port'
import type { Scheduler } from '../sim/scheduler'
import type { WireBackend } from '../wire/wire-backend'
import { CaptureAnnotator } from './capture-annotator'

export class WireTap implements WirePort {
  /** Frames the wire handed to the controller. */
  received = 0
  /** False once the run stops the traffic (before halt). */
  open = true
  /** Holds captured frames until the packet that carried them is known (null without a capture). */
  readonly annotator: CaptureAnnotator | null

  constructor(
    readonly backend: WireBackend,
    private readonly scheduler: Scheduler,
    readonly capture: CaptureWriter | null,
    /** Called after a frame went out, so the controller looks again at a backend that may answer (loopback). */
    private readonly afterTransmit: () => void,
  ) {
    this.annotator = capture ? new CaptureAnnotator(capture) : null
  }

  nextArrivalNs(): number {
    return this.open ? this.backend.nextArrivalNs() : Infinity
  }

  takeFrame(into: Uint8Array): number {
    if (!this.open) return 0
    const length = this.backend.takeFrame(into)
    if (length > 0) {
      this.received++
      if (this.annotator) this.annotator.inbound(this.scheduler.nowNs, into, Math.min(length, into.length), length)
    }
    return length
  }

  transmit(frame: Uint8Array, length: number, timeNs: number): void {
    if (this.annotator) this.annotator.outbound(timeNs, frame, length)
    this.backend.transmit(frame, length, timeNs)
    this.afterTransmit()
  }
}
