// The device's whole state as plain typed arrays and numbers (controller.md §12): versioned, so a saved snapshot
// can be checked before it is restored, and free of references to the host, the scheduler or memory.
import { MAX_FRAME_BYTES } from './descriptors'
import { REGISTER_WINDOW_LENGTH } from './registers'

export const CONTROLLER_STATE_VERSION = 1

/** Running totals since power-on, for the statistics view; device reset and register reads do not clear them. */
export const TOTAL_NAMES = [
  'rxFrames',
  'rxBytes',
  'rxMissed',
  'rxNoBuffer',
  'rxCrcErrors',
  'rxLengthErrors',
  'rxDmaDrops',
  'rxLinkDownDrops',
  'rxResetDrops',
  'txFrames',
  'txBytes',
  'txLinkDownDrops',
  'txDmaDrops',
  'txLengthDrops',
  'dmaErrors',
  'dmaToUnallocated',
  'interrupts',
  'linkChanges',
  'rxFifoHighWater',
  'badRegisterAccesses',
] as const
export type TotalName = (typeof TOTAL_NAMES)[number]

export const T_RX_FRAMES = 0
export const T_RX_BYTES = 1
export const T_RX_MISSED = 2
export const T_RX_NO_BUFFER = 3
export const T_RX_CRC_ERRORS = 4
export const T_RX_LENGTH_ERRORS = 5
export const T_RX_DMA_DROPS = 6
export const T_RX_LINK_DOWN_DROPS = 7
export const T_RX_RESET_DROPS = 8
export const T_TX_FRAMES = 9
export const T_TX_BYTES = 10
export const T_TX_LINK_DOWN_DROPS = 11
export const T_TX_DMA_DROPS = 12
export const T_TX_LENGTH_DROPS = 13
export const T_DMA_ERRORS = 14
export const T_DMA_TO_UNALLOCATED = 15
export const T_INTERRUPTS = 16
export const T_LINK_CHANGES = 17
export const T_RX_FIFO_HIGH_WATER = 18
export const T_BAD_REGISTER_ACCESSES = 19

export const DEFAULT_RX_FIFO_FRAMES = 8

export interface ControllerState {
  version: number
  /** Register values by word offset (offset >>> 2). */
  regs: Uint32Array
  totals: Float64Array
  /** The cable: whether a link partner is present (controller.md §8). */
  cableConnected: boolean
  lineAsserted: boolean
  /** Virtual time of the last interrupt assertion (controller.md §5.3); -Infinity before the first. */
  lastAssertNs: number
  /** Time at which a throttled interrupt will be reconsidered, or -1. */
  throttleAtNs: number
  /** DMA is stalled until this time (test control, controller.md §11); 0 when not stalled. */
  dmaStallUntilNs: number
  /** Frames still to be received with a forced CRC error (test control). */
  forcedRxErrors: number
  /** The receive FIFO (controller.md §6.3): `fifoFrames` slots of MAX_FRAME_BYTES. */
  fifoData: Uint8Array
  fifoLength: Int32Array
  fifoCrcError: Uint8Array
  fifoHead: number
  fifoCount: number
}

/** `windowLength`: the register window in bytes (the WB-100's 256, the 82540EM's 128 KB). */
export function createState(
  fifoFrames = DEFAULT_RX_FIFO_FRAMES,
  windowLength = REGISTER_WINDOW_LENGTH,
): ControllerState {
  const slots = Math.max(1, Math.min(64, Math.floor(fifoFrames) || DEFAULT_RX_FIFO_FRAMES))
  return {
    version: CONTROLLER_STATE_VERSION,
    regs: new Uint32Array(windowLength >>> 2),
    totals: new Float64Array(TOTAL_NAMES.length),
    cableConnected: true,
    lineAsserted: false,
    lastAssertNs: -Infinity,
    throttleAtNs: -1,
    dmaStallUntilNs: 0,
    forcedRxErrors: 0,
    fifoData: new Uint8Array(slots * MAX_FRAME_BYTES),
    fifoLength: new Int32Array(slots),
    fifoCrcError: new Uint8Array(slots),
    fifoHead: 0,
    fifoCount: 0,
  }
}

/** A deep copy: the snapshot shares no array with the live device. */
export function cloneState(s: ControllerState): ControllerState {
  return {
    ...s,
    regs: s.regs.slice(),
    totals: s.totals.slice(),
    fifoData: s.fifoData.slice(),
    fifoLength: s.fifoLength.slice(),
    fifoCrcError: s.fifoCrcError.slice(),
  }
}

/** Why a snapshot cannot be restored into a device shaped like `into`, or undefined when it can. */
export function snapshotMismatch(snapshot: ControllerState, into: ControllerState): string | undefined {
  if (snapshot.version !== CONTROLLER_STATE_VERSION) {
    return `snapshot version ${snapshot.version}, device version ${CONTROLLER_STATE_VERSION}`
  }
  if (snapshot.regs.length !== into.regs.length || snapshot.totals.length !== into.totals.length) {
    return 'snapshot register file or totals have the wrong size'
  }
  if (snapshot.fifoLength.length !== into.fifoLength.length || snapshot.fifoData.length !== into.fifoData.length) {
    return 'snapshot receive FIFO has a different size'
  }
  return undefined
}

/** Copies `from` into `into` in place (arrays keep their identity). Check `snapshotMismatch` first. */
export function copyStateInto(from: ControllerState, into: ControllerState): void {
  into.regs.set(from.regs)
  into.totals.set(from.totals)
  into.fifoData.set(from.fifoData)
  into.fifoLength.set(from.fifoLength)
  into.fifoCrcError.set(from.fifoCrcError)
  into.cableConnected = from.cableConnected
  into.lineAsserted = from.lineAsserted
  into.lastAssertNs = from.lastAssertNs
  into.throttleAtNs = from.throttleAtNs
  into.dmaStallUntilNs = from.dmaStallUntilNs
  into.forcedRxErrors = from.forcedRxErrors
  into.fifoHead = from.fifoHead
  into.fifoCount = from.fifoCount
}
