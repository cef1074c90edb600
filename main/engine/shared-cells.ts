// The cells the engine worker and its host share (a SharedArrayBuffer): the script's current call site and the
// handler watch (read by the watchdog after the worker stopped answering), and progress figures for the terminal.
import { WATCH_CELLS } from '../../core/miniport/handler-watch'

const INT_CELLS = 8
const FLOAT_CELLS = 4
export const PROGRESS_TIME_NS = 0
export const PROGRESS_RX_FRAMES = 1
export const PROGRESS_PACKETS_IN_USE = 2
export const PROGRESS_EVENTS = 3

export interface SharedCells {
  buffer: SharedArrayBuffer
  site: Int32Array
  watch: Int32Array
  progress: Float64Array
}

export function createSharedCells(buffer = new SharedArrayBuffer(INT_CELLS * 4 + FLOAT_CELLS * 8)): SharedCells {
  return {
    buffer,
    site: new Int32Array(buffer, 0, 1),
    watch: new Int32Array(buffer, 4, WATCH_CELLS),
    progress: new Float64Array(buffer, INT_CELLS * 4, FLOAT_CELLS),
  }
}
