// Which script code is running, in cells a supervising process can read while the engine's thread is busy: its
// watchdog stops a handler that does not return within its wall-clock budget (script-api.md: DPC_WATCHDOG_VIOLATION
// 0x133). Only engine code writes these cells; the script is never handed them (its call-site cell has a buffer of
// its own). Time is measured from the outermost entry: a handler that keeps calling the library (whose nested
// SynchronizeFunction calls enter and leave again) is still one entry that did not return.
// Layout: [0] outermost entries so far, [1] 1 while script code runs, [2] name id of the outermost running code,
// [3] while a nested handler runs (a SynchronizeFunction), the call site in the outermost code that called into it:
// the line to name is one of the handler that did not return, not of whatever it calls again and again.

export const WATCH_ENTRIES = 0
export const WATCH_ACTIVE = 1
export const WATCH_HANDLER = 2
export const WATCH_CALLER_SITE = 3
export const WATCH_CELLS = 4

/** The script's top-level code while it loads: a watched phase like a handler call. */
export const TOP_LEVEL_CODE = "the script's top-level code"

/** Handlers the workbench calls, with fixed ids so that a host in another process can name the one that hung. */
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
  TOP_LEVEL_CODE,
] as const

/** The name of watched code by id, as a supervisor that only has the cells names it. */
export function watchedName(id: number): string {
  return (id > 0 && WATCHED_HANDLERS[id]) || 'a handler'
}

export class HandlerWatch {
  readonly cells: Int32Array
  private readonly names: string[] = [...WATCHED_HANDLERS]
  private readonly ids = new Map<string, number>(WATCHED_HANDLERS.map((name, i) => [name, i]))
  private depth = 0

  /** `siteCell`: the script's call-site cell, put back to the calling line when a nested handler returns. */
  constructor(cells?: Int32Array, siteCell?: Int32Array) {
    this.cells = cells ?? new Int32Array(WATCH_CELLS)
    this.siteCell = siteCell ?? null
  }

  private readonly siteCell: Int32Array | null

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

  /**
   * Marks code `id` as entered from call site `site` (the script's current one); pair every call with `leave` (in a
   * finally: a handler may throw).
   */
  enter(id: number, site = 0): void {
    const c = this.cells
    if (this.depth++ !== 0) {
      if (this.depth === 2) c[WATCH_CALLER_SITE] = site
      return
    }
    c[WATCH_ENTRIES] = (c[WATCH_ENTRIES]! + 1) | 0
    c[WATCH_HANDLER] = id
    c[WATCH_ACTIVE] = 1
  }

  leave(): void {
    if (this.depth === 0) return
    const depth = --this.depth
    const c = this.cells
    if (depth === 1) {
      // Back in the outermost handler, at the line that called: so it reads until the script writes its next site.
      if (this.siteCell) this.siteCell[0] = c[WATCH_CALLER_SITE]!
      c[WATCH_CALLER_SITE] = 0
    } else if (depth === 0) c[WATCH_ACTIVE] = 0
  }

  /** True while script code runs (between the outermost enter and its leave). */
  get active(): boolean {
    return this.depth > 0
  }
}
