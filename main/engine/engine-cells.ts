// The engine process's cells, each in a buffer of its own: the script's call-site cell (the only one the script is
// handed; it may write anything there, so a reader validates what it finds), the handler watch and the progress
// figures (written only by engine code). The watch reporter thread reads all three and streams them to the host.
import { WATCH_CELLS } from '../../core/miniport/handler-watch'
import type { Run } from '../../core/engine/run'
import { ndisRuntime } from '../../core/ndis/instance'

export const P_TIME_NS = 0
export const P_EVENTS = 1
export const P_RX_FRAMES = 2
export const P_PACKETS_IN_USE = 3
const PROGRESS_CELLS = 4

export interface EngineCells {
  site: Int32Array
  watch: Int32Array
  progress: Float64Array
}

export function createEngineCells(): EngineCells {
  return {
    site: new Int32Array(new SharedArrayBuffer(4)),
    watch: new Int32Array(new SharedArrayBuffer(WATCH_CELLS * 4)),
    progress: new Float64Array(new SharedArrayBuffer(PROGRESS_CELLS * 8)),
  }
}

/** Packets the script's pools have out (the progress line's "packets in use"). */
function packetsInUse(run: Run): number {
  let n = 0
  for (const p of ndisRuntime(run.kernel).packetPools) if (p.createdSite !== 0) n += p.inUse
  return n
}

/** Copies the run's figures into the progress cells (between slices: never on the hot path). */
export function recordProgress(cells: EngineCells, run: Run): void {
  const p = cells.progress
  p[P_TIME_NS] = run.scheduler.nowNs
  p[P_EVENTS] = run.scheduler.dispatched
  p[P_RX_FRAMES] = run.receivedFrames
  p[P_PACKETS_IN_USE] = packetsInUse(run)
}
