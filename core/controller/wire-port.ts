// What the controller needs from the wire (controller.md §1): a backend (traffic generator, pcap replay, loopback)
// adapts itself to this. The controller pulls frames when they are due and pushes transmitted frames.

export interface WirePort {
  /**
   * Virtual time (integer ns) at which the next frame reaches the controller's port, or +Infinity when no frame is
   * coming. A time in the past means "now".
   */
  nextArrivalNs(): number
  /**
   * Copies the frame that is due into `into` (without FCS) and consumes it. Returns the frame's full length, which is
   * larger than `into.length` when the frame did not fit (the device counts it as a length error), or 0 when none is due.
   */
  takeFrame(into: Uint8Array): number
  /**
   * A frame the controller sent at `timeNs`: `frame[0..length)`. The bytes are valid only during the call (the
   * controller reuses its buffer), so a backend that keeps them copies them.
   */
  transmit(frame: Uint8Array, length: number, timeNs: number): void
}
