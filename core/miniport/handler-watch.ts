// Which script handler is running, in cells a host can read from another thread: the host's watchdog stops a
// handler that does not return within its wall-clock budget (script-api.md: DPC_WATCHDOG_VIOLATION 0x133).
// Layout: [0] handler entries so far, [1] 1 while a handler runs, [2] name id of the running handler.

export const WATCH_ENTRIES = 0
export const WATCH_ACTIVE = 1
export const WATCH_HANDLER = 2
export const WATCH_CELLS = 3

/** Handlers the workbench calls, with fixed ids so that a host on another thread can name the one that hung. */
export const WATCHED_HANDLERS = [
  '',
  'DriverEntry',
  'MiniportInitialize',
  'MiniportHalt',
  'MiniportISR',
  'MiniportHandleInterrupt',
  'MiniportDisableInterrupt',
  'MiniportEnableInterrupt',
  'MiniportSendPackets',
  'MiniportSend',
  'MiniportReturnPacket',
  'MiniportCheckForHang',
  'MiniportReset',
  'MiniportQueryInformation',
  'MiniportSetInformation',
  'timer function',
  'SynchronizeFunction',
] as const

export class HandlerWatch {
  readonly cells: Int32Array
  private readonly names: string[] = [...WATCHED_HANDLERS]
  private readonly ids = new Map<string, number>(WATCHED_HANDLERS.map((name, i) => [name, i]))
  private depth = 0

  constructor(cells?: Int32Array) {
    this.cells = cells ?? new Int32Array(WATCH_CELLS)
  }

  id(name: string): number {
    let id = this.ids.get(name)
    if (id === undefined) {
      id = this.names.length
      this.names.push(name)
      this.ids.set(name, id)
    }
    return id
  }

  nameOf(id: number): string {
    return this.names[id] ?? ''
  }

  enter(id: number): number {
    const c = this.cells
    const outer = c[WATCH_HANDLER]!
    c[WATCH_ENTRIES] = (c[WATCH_ENTRIES]! + 1) | 0
    c[WATCH_HANDLER] = id
    c[WATCH_ACTIVE] = 1
    this.depth++
    return outer
  }

  leave(outer: number): void {
    const c = this.cells
    c[WATCH_HANDLER] = outer
    if (--this.depth === 0) c[WATCH_ACTIVE] = 0
  }
}
