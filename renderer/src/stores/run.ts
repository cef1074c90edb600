import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type {
  FindingRow,
  RunState,
  RunStats,
  SourceLocation,
  TraceRow,
  WorkbenchApi,
} from '../../../core/api/workbench-api'
import { workbenchApi } from '../api/workbench'
import { PoolHistory } from '../services/sparkline'
import type { RunBarAction } from '../services/run-keys'
import { useEditorStore } from './editor'
import { useFilesStore } from './files'
import { useSettingsStore } from './settings'

export const LOG_CAPACITY = 1_000
/** Trace rows read back when the run pauses or steps, to find the last event and the last script line. */
export const WHERE_ROWS = 64

/** Where a paused run stands: its last event, the last line of the script that ran, and what a step ran. */
export interface RunWhere {
  last: TraceRow | null
  line: SourceLocation | null
  /** After a step: what it ran, in words; null after a pause. */
  stepped: string | null
}

/** What one step ran, from the trace rows it added. */
export function stepText(rows: readonly TraceRow[]): string {
  const first = rows[0]
  // Events of the controller and the wire (a frame arriving, a DMA drain) write no trace row: the driver did not run.
  if (!first) return 'ran one event of the controller or the wire: no driver code ran'
  const more = rows.length > 1 ? ` and ${rows.length - 1} more trace event${rows.length > 2 ? 's' : ''}` : ''
  return `ran ${first.kind} ${first.name}${more}`
}

/** The run: live statistics pushed by the host, the findings, and the run bar's commands. */
export const useRunStore = defineStore('run', () => {
  const stats = shallowRef<RunStats | null>(null)
  const findings = shallowRef<FindingRow[]>([])
  const log = shallowRef<{ timeNs: number; text: string }[]>([])
  /** Bumped on every stats push so views that read the (non-reactive) pool history redraw. */
  const tick = ref(0)
  const busy = ref(false)
  /** A start is under way (type check, load, initialization): the status bar says so. */
  const starting = ref(false)
  const lastError = ref<string | null>(null)
  const bugCheckDismissed = ref(false)
  const where = shallowRef<RunWhere | null>(null)
  let whereAsked = 0
  /** While a start is asked for, pushes still in flight are the previous run's: they are not shown again. */
  let previousRunPushes = false
  const history = new PoolHistory()
  let unsubscribe: (() => void) | null = null
  let findingsFetched = -1
  let findingsInFlight = false

  const state = computed<RunState>(() => stats.value?.state ?? 'idle')
  const live = computed(() => state.value === 'running' || state.value === 'paused')
  const bugCheck = computed(() => stats.value?.bugCheck ?? null)
  const showBugCheck = computed(() => bugCheck.value !== null && !bugCheckDismissed.value)
  /**
   * The bug check that stopped the run when no finding stands for it (the watchdog's 0x133 is not a verifier
   * finding): Problems lists it, so "No problems" never sits under a stop screen.
   */
  const unlistedBugCheck = computed(() => {
    const b = bugCheck.value
    if (!b) return null
    const listed = findings.value.some((f) => f.bugCheck && f.rule === b.rule && f.at.line === b.at.line)
    return listed ? null : b
  })
  /** Why the miniport did not start (DriverEntry or MiniportInitialize failed), from the host's log line. */
  const startFailure = computed(() => {
    if (stats.value?.stopReason !== 'init-failed') return null
    const lines = log.value.filter((l) => l.text.startsWith('the miniport did not start'))
    return lines[lines.length - 1]?.text ?? 'the miniport did not start'
  })

  function api(): WorkbenchApi {
    return workbenchApi()
  }

  function receive(next: RunStats): void {
    if (previousRunPushes) return
    const before = stats.value
    stats.value = next
    if (next.state !== 'paused') where.value = null
    else if (before?.state !== 'paused' || before.eventsDispatched !== next.eventsDispatched) {
      void locate(before?.state === 'paused')
    }
    history.record(next.pools)
    if (next.newLog.length > 0) {
      const merged = log.value.concat(next.newLog)
      log.value = merged.length > LOG_CAPACITY ? merged.slice(merged.length - LOG_CAPACITY) : merged
    }
    tick.value++
    if (next.findingCount !== findingsFetched) void refreshFindings()
  }

  /** Reads the newest trace rows of the paused run: its last event, its last script line, what the step ran. */
  async function locate(stepped: boolean): Promise<void> {
    const ask = ++whereAsked
    const since = where.value?.last?.seq ?? -1
    try {
      const rows = await api().getTrace(0, WHERE_ROWS, [], true)
      if (ask !== whereAsked || state.value !== 'paused') return
      const withLine = rows.filter((r) => r.at !== null && r.at.line > 0)
      where.value = {
        last: rows[rows.length - 1] ?? null,
        line: withLine[withLine.length - 1]?.at ?? null,
        stepped: stepped ? stepText(rows.filter((r) => r.seq > since)) : null,
      }
    } catch (e) {
      lastError.value = message(e)
    }
  }

  async function refreshFindings(): Promise<void> {
    if (findingsInFlight) return
    findingsInFlight = true
    try {
      const wanted = stats.value?.findingCount ?? 0
      findings.value = await api().getFindings()
      findingsFetched = wanted
    } catch (e) {
      lastError.value = message(e)
    } finally {
      findingsInFlight = false
    }
    if ((stats.value?.findingCount ?? 0) !== findingsFetched) void refreshFindings()
  }

  function subscribe(): void {
    unsubscribe ??= api().onStats(receive)
  }

  async function guarded(action: () => Promise<void>): Promise<void> {
    busy.value = true
    lastError.value = null
    try {
      await action()
    } catch (e) {
      lastError.value = message(e)
    } finally {
      busy.value = false
      starting.value = false
      previousRunPushes = false
    }
  }

  function start(paused = false): Promise<void> {
    const editor = useEditorStore()
    const { settings } = useSettingsStore()
    starting.value = true
    return guarded(async () => {
      subscribe()
      // Nothing of the previous run stays on screen, even when this one is refused (its stop screen included).
      forget()
      previousRunPushes = true
      const result = await api().startRun({
        fileName: editor.fileName,
        scriptText: editor.text,
        scenarioText: editor.scenarioText.trim(),
        seed: settings.seed,
        verifier: settings.verifier,
        speed: settings.speed,
        paused,
        ...captureOf(editor.scenarioText),
      })
      starting.value = false
      previousRunPushes = false
      editor.setDiagnostics(result.ok ? [] : result.diagnostics)
      if (!result.ok) {
        const first = result.diagnostics[0]
        lastError.value = first ? `${first.file}:${first.line}: ${first.message}` : 'the run did not start'
        if (first && first.line > 0) {
          editor.revealLine(first.line, first.column, first.file.endsWith('.json') ? 'scenario' : 'script')
        }
      }
    })
  }

  async function command(which: RunBarAction): Promise<void> {
    switch (which) {
      case 'start':
        return start(false)
      case 'resume':
        return guarded(() => api().resumeRun())
      case 'pause':
        return guarded(() => api().pauseRun())
      case 'stop':
        return guarded(() => api().stopRun())
      case 'step':
        if (!live.value) return start(true)
        return guarded(() => api().stepRun())
    }
  }

  function setSpeed(speed: 'fast' | 'realtime' | 'slow'): Promise<void> {
    useSettingsStore().setSpeed(speed)
    return live.value ? guarded(() => api().setSpeed(speed)) : Promise.resolve()
  }

  function setCable(connected: boolean): Promise<void> {
    return guarded(() => api().setCable(connected))
  }

  /** Clears what the views show of the last run (a new run starts, or another script was opened). */
  function forget(): void {
    stats.value = null
    where.value = null
    history.clear()
    findings.value = []
    findingsFetched = -1
    log.value = []
    bugCheckDismissed.value = false
    tick.value++
  }

  function dismissBugCheck(): void {
    bugCheckDismissed.value = true
  }

  function reset(): void {
    unsubscribe?.()
    unsubscribe = null
    stats.value = null
    where.value = null
    findings.value = []
    log.value = []
    tick.value = 0
    busy.value = false
    lastError.value = null
    bugCheckDismissed.value = false
    history.clear()
    findingsFetched = -1
  }

  return {
    stats,
    findings,
    log,
    tick,
    busy,
    starting,
    lastError,
    history,
    where,
    state,
    live,
    bugCheck,
    showBugCheck,
    unlistedBugCheck,
    startFailure,
    subscribe,
    receive,
    refreshFindings,
    start,
    command,
    setSpeed,
    setCable,
    dismissBugCheck,
    forget,
    reset,
  }
})

/** A picked capture goes with the run whose scenario replays it. */
function captureOf(scenarioText: string): { capture?: { name: string; base64: string } } {
  const capture = useFilesStore().captureFor(scenarioText)
  return capture ? { capture } : {}
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
