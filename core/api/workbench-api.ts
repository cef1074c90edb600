// The one typed surface between the UI and the engine host. Preload (Electron IPC) and the serve host (WebSocket)
// both implement it; the renderer only ever talks to a WorkbenchApi. Types only: no runtime code here.

export interface WorkbenchInfo {
  /** Product version (package.json). */
  version: string
  /** Which host answers: the Electron main process or the serve host. */
  host: 'electron' | 'serve'
  /** Versions of the runtime pieces, for the about box. */
  versions: Record<string, string>
}

export interface WorkbenchApi {
  /** Who is serving the UI and with which versions. */
  getInfo(): Promise<WorkbenchInfo>
}

/** Names of the calls, as they travel over IPC channels and the WebSocket. */
export const WORKBENCH_CALLS = ['getInfo'] as const
export type WorkbenchCall = (typeof WORKBENCH_CALLS)[number]
