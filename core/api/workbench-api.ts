// The one typed surface between the UI and the engine host. Preload (Electron IPC) and the serve host (WebSocket)
// both implement it; the renderer only ever talks to a WorkbenchApi. Its calls are the engine protocol's
// (engine-protocol.ts); live figures come as RunStats pushed at a fixed rate (30 Hz), never one message per event;
// everything else is a query answered on demand.
import type { WorkbenchCalls } from './engine-protocol'
import type { RunStats } from './run-types'

export * from './run-types'

export interface WorkbenchApi extends WorkbenchCalls {
  /** Live statistics at a fixed rate; returns a function that unsubscribes. */
  onStats(listener: (stats: RunStats) => void): () => void
}
