/** Direction of a frame on the wire, seen from the emulated controller (pcapng epb_flags bits 0–1). */
export const FrameDirection = {
  Unknown: 0,
  /** Received by the controller (wire → host). */
  Inbound: 1,
  /** Transmitted by the controller (host → wire). */
  Outbound: 2,
} as const
export type FrameDirection = (typeof FrameDirection)[keyof typeof FrameDirection]
