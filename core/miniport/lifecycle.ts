// The life of the miniport in a run (ndis5.md §1.10): DriverEntry → NdisMRegisterMiniport → MiniportInitialize at
// PASSIVE_LEVEL → running (interrupts, DPCs, timers, CheckForHang every CheckForHangTimeInSeconds at DISPATCH_LEVEL)
// → MiniportHalt at PASSIVE_LEVEL. Failed initialisation and halt are checked for what they left behind (R24–R26).
import { readOutCell, scriptNumber, scriptValueText } from '../verifier/script-value'
import { DISPATCH_LEVEL, PASSIVE_LEVEL } from '../kernel/irql'
import { realmArray } from '../kernel/script-realm'
import type { Out } from '../ndis/runtime'
import { NDIS_STATUS_CODES, formatNdisStatus, ndisStatusName } from '../ndis/status'
import { R24, R25, R26 } from '../verifier/catalogue'
import { MINIPORT_ADAPTER_HANDLE, WRAPPER_CONFIGURATION_CONTEXT } from './handles'
import { interruptAddress } from './interrupt-object'
import { timerAddress } from './timer-object'
import { SCHED_CHECK_FOR_HANG, type MiniportRuntime } from './runtime'

export const NdisMedium802_3 = 0
/** Fake DRIVER_OBJECT / registry path handed to DriverEntry (opaque to the script, as in C). */
export const DRIVER_OBJECT = 0xffa05000
export const REGISTRY_PATH = '\\Registry\\Machine\\System\\CurrentControlSet\\Services\\Miniport'

export interface StartResult {
  ok: boolean
  /** Why the miniport did not start (empty when it did). */
  reason: string
}

export class MiniportLifecycle {
  private checkForHangEvent = 0
  private unloaded = false

  /** Whether the driver's unload handler ran. */
  get unloadRan(): boolean {
    return this.unloaded
  }
  /** At each wake-up: true when a send timed out (core/miniport/send-queue.ts checkTimeouts). */
  onWakeUp: (() => boolean) | null = null
  /** Told when a reset is over; `addressing` when the miniport asked NDIS to restore its addressing (filter, ...). */
  afterReset: ((addressing: boolean) => void) | null = null

  constructor(private readonly m: MiniportRuntime) {
    m.env.scheduler.on(m.eventBase + SCHED_CHECK_FOR_HANG, () => this.checkForHang())
    m.onResetComplete = (status, addressing) => this.resetDone(status, addressing)
  }

  /** Runs DriverEntry and MiniportInitialize. A bug check or script exception propagates to the run. */
  start(driverEntry: unknown): StartResult {
    const m = this.m
    const adapter = m.adapter
    if (typeof driverEntry !== 'function') {
      return {
        ok: false,
        reason: 'the script does not export a function DriverEntry (export function DriverEntry(...))',
      }
    }
    const entryResult = m.call('DriverEntry', PASSIVE_LEVEL, driverEntry as () => unknown, DRIVER_OBJECT, REGISTRY_PATH)
    if (!isStatusLike(entryResult)) return { ok: false, reason: `DriverEntry returned ${notStatus(entryResult)}` }
    const entryStatus = scriptNumber(entryResult) >>> 0
    if (entryStatus !== NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS) {
      return { ok: false, reason: `DriverEntry returned ${statusText(entryStatus)}` }
    }
    if (adapter.state !== 'registered' || !adapter.handlers) {
      return { ok: false, reason: 'DriverEntry returned success without a successful NdisMRegisterMiniport' }
    }
    adapter.state = 'initializing'
    const openError: Out<number> = { value: 0 }
    const selected: Out<number> = { value: -1 }
    const media = realmArray(m.kernel.realm, 1)
    media[0] = NdisMedium802_3
    const initResult = m.call(
      'MiniportInitialize',
      PASSIVE_LEVEL,
      adapter.handlers.InitializeHandler,
      openError,
      selected,
      media,
      media.length,
      MINIPORT_ADAPTER_HANDLE,
      WRAPPER_CONFIGURATION_CONTEXT,
    )
    if (!isStatusLike(initResult)) {
      adapter.state = 'failed'
      this.checkLeftBehind('MiniportInitialize failed', true)
      return { ok: false, reason: `MiniportInitialize returned ${notStatus(initResult)}` }
    }
    const status = scriptNumber(initResult) >>> 0
    adapter.initializeStatus = status
    if (status !== NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS) {
      adapter.state = 'failed'
      this.checkLeftBehind('MiniportInitialize failed', true)
      return { ok: false, reason: `MiniportInitialize returned ${statusText(status)}` }
    }
    if (selected.value !== 0) {
      adapter.state = 'failed'
      return {
        ok: false,
        reason: `MiniportInitialize did not select NdisMedium802_3 (SelectedMediumIndex = ${scriptValueText(selected.value)})`,
      }
    }
    if (!adapter.attributesSet) {
      adapter.state = 'failed'
      return { ok: false, reason: 'MiniportInitialize returned success without calling NdisMSetAttributesEx' }
    }
    adapter.selectedMediumIndex = 0
    adapter.state = 'running'
    this.armCheckForHang()
    return { ok: true, reason: '' }
  }

  private armCheckForHang(): void {
    const s = this.m.env.scheduler
    this.checkForHangEvent = s.schedule(
      s.nowNs + this.m.adapter.checkForHangSeconds * 1_000_000_000,
      this.m.eventBase + SCHED_CHECK_FOR_HANG,
      0,
    )
  }

  /**
   * NDIS's wake-up every CheckForHang interval (ReactOS ndis/miniport.c MiniportHangDpc): sends held too long are
   * timed out (`onWakeUp`), then MiniportCheckForHang, when the miniport has one.
   */
  private checkForHang(): void {
    const m = this.m
    const a = m.adapter
    this.checkForHangEvent = 0
    if (a.state !== 'running') return
    if (this.onWakeUp?.() === true) this.reset('a send timed out')
    // No CheckForHang while a reset is in progress (ReactOS ndis/miniport.c MiniIsBusy: the reset work item).
    if (!a.resetInProgress && a.handlers?.CheckForHangHandler) {
      const hung = m.call('MiniportCheckForHang', DISPATCH_LEVEL, a.handlers.CheckForHangHandler, a.context)
      if (hung === true || (typeof hung === 'number' && hung !== 0)) this.reset('MiniportCheckForHang reported a hang')
    }
    this.armCheckForHang()
  }

  /**
   * NDIS resets the miniport (ReactOS ndis/miniport.c MiniReset): NDIS_STATUS_RESET_START to the protocols,
   * MiniportReset at DISPATCH_LEVEL, and, when it did not pend, the end of the reset at once; a pended reset ends at
   * NdisMResetComplete. Called when CheckForHang says hung, a request timed out, or the scenario forces one.
   */
  reset(why: string): boolean {
    const m = this.m
    const a = m.adapter
    if (a.state !== 'running' || a.resetInProgress || typeof a.handlers?.ResetHandler !== 'function') return false
    m.dbgPrint(`${why}: NDIS calls MiniportReset\n`)
    m.env.statusIndications.push({ timeNs: m.env.scheduler.nowNs, status: NDIS_STATUS_CODES.NDIS_STATUS_RESET_START })
    const addressingReset: Out<boolean> = { value: false }
    a.resetInProgress = true
    a.resets++
    m.kernel.sites.cell[0] = 0
    const status =
      scriptNumber(m.call('MiniportReset', DISPATCH_LEVEL, a.handlers.ResetHandler, addressingReset, a.context)) >>> 0
    if (status === NDIS_STATUS_CODES.NDIS_STATUS_PENDING) return true
    a.resetInProgress = false
    const addressing = readOutCell(addressingReset)
    this.resetDone(status, addressing === true || (typeof addressing === 'number' && addressing !== 0))
    return true
  }

  /** A request timed out (core/miniport/request.ts): NDIS resets the miniport. */
  resetForTimeout(): void {
    this.reset('a request timed out')
  }

  private resetDone(status: number, addressing: boolean): void {
    const m = this.m
    m.env.statusIndications.push({ timeNs: m.env.scheduler.nowNs, status: NDIS_STATUS_CODES.NDIS_STATUS_RESET_END })
    if (status !== NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS) m.dbgPrint(`MiniportReset ended with ${statusText(status)}\n`)
    this.afterReset?.(addressing)
  }

  /**
   * After the last adapter halted (or none started), NDIS unloads the driver: the handler NdisMRegisterUnloadHandler
   * registered runs at PASSIVE_LEVEL (NdisMRegisterUnloadHandler (DDK page)); leaks are judged after it.
   */
  unload(): void {
    const m = this.m
    const handler = m.adapter.unloadHandler
    if (this.unloaded || handler === null) return
    this.unloaded = true
    m.kernel.sites.cell[0] = 0
    m.call('MiniportUnload', PASSIVE_LEVEL, handler, DRIVER_OBJECT)
  }

  /** Calls MiniportHalt and checks what it left behind. */
  halt(): void {
    const m = this.m
    const a = m.adapter
    if (a.state !== 'running') return
    if (this.checkForHangEvent) m.env.scheduler.cancel(this.checkForHangEvent)
    a.state = 'halting'
    m.call('MiniportHalt', PASSIVE_LEVEL, a.handlers!.HaltHandler, a.context)
    a.state = 'halted'
    this.checkLeftBehind('MiniportHalt returned', false)
  }

  /**
   * R24/R25 (interrupt still registered), R26 (timers still queued), reported at the line that registered the
   * interrupt or set the timer. These are bug checks in Windows: the first one stops the run.
   */
  private checkLeftBehind(when: string, failedInit: boolean): void {
    const m = this.m
    const a = m.adapter
    const k = m.kernel
    if (a.timers.size > 0) {
      const timer = a.timers.values().next().value!
      k.sites.cell[0] = timer.setSite
      k.verifier.report(
        R26,
        MINIPORT_ADAPTER_HANDLE,
        timerAddress(k, timer),
        a.timers.size,
        `${when} with ${a.timers.size} timer(s) still queued: cancel them with NdisMCancelTimer`,
        timer.setSite,
        failedInit ? 1 : 0,
      )
    }
    if (a.interrupt?.registered) {
      k.sites.cell[0] = a.interrupt.registerSite
      k.verifier.report(
        failedInit ? R25 : R24,
        MINIPORT_ADAPTER_HANDLE,
        interruptAddress(k, a.interrupt),
        0,
        `${when} with the interrupt still registered: call NdisMDeregisterInterrupt`,
        a.interrupt.registerSite,
      )
    }
  }
}

function statusText(status: number): string {
  return `${ndisStatusName(status) ?? 'status'} (${formatNdisStatus(status)})`
}

/** A handler's NDIS_STATUS as C would see it: a number (or a primitive that converts to one); never an object. */
function isStatusLike(value: unknown): boolean {
  const t = typeof value
  return t !== 'object' && t !== 'function' && t !== 'symbol'
}

function notStatus(value: unknown): string {
  return `${scriptValueText(value)}, not an NDIS_STATUS (a number)`
}
