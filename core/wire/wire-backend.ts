/**
 * A source and sink of Ethernet frames at the controller's port (the QEMU net-backend split: the device does not
 * know what feeds it). The controller pulls "the next frame arriving at time t" and pushes what it transmits.
 * Structurally the controller's `WirePort` (core/controller/wire-port.ts), plus counters.
 */
export interface WireBackend {
  readonly kind: 'generator' | 'replay' | 'loopback'
  /** Virtual time (integer ns) at which the next frame has fully arrived, or +Infinity when none is coming. */
  nextArrivalNs(): number
  /**
   * Copies the next frame (without FCS) into `into` and consumes it; returns its full length, larger than
   * `into.length` when it did not fit (only `into.length` bytes are copied), or 0 when no frame is coming.
   */
  takeFrame(into: Uint8Array): number
  /** A frame the controller sent at `timeNs`; the bytes are valid only during the call. */
  transmit(frame: Uint8Array, length: number, timeNs: number): void
  readonly statistics: WireStatistics
}

export interface WireStatistics {
  /** Frames handed to the controller. */
  delivered: number
  deliveredBytes: number
  /** Frames the controller transmitted into this backend. */
  transmitted: number
  transmittedBytes: number
  /** Transmitted frames the backend could not keep (loopback full or frame too long). */
  dropped: number
}

export function newWireStatistics(): WireStatistics {
  return { delivered: 0, deliveredBytes: 0, transmitted: 0, transmittedBytes: 0, dropped: 0 }
}
