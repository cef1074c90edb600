import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ControllerSnapshot, PacketDetail, PacketSummary, TraceRow } from '../../../core/api/workbench-api'
import { workbenchApi } from '../api/workbench'
import { groupByOwner } from '../services/packet-groups'
import { buffersInRange, rangeOfBuffer } from '../services/hexdump'
import { TraceLog } from '../services/trace-log'

export const TRACE_PAGE = 1_000

/** What the inspector views show: packets and the selected one, the controller, the trace window. */
export const useInspectStore = defineStore('inspect', () => {
  const packets = shallowRef<PacketSummary[]>([])
  const selectedAddress = ref<number | null>(null)
  const detail = shallowRef<PacketDetail | null>(null)
  /** Highlighted frame bytes (a decode field or a buffer). */
  const selection = ref<{ start: number; length: number } | null>(null)
  const controller = shallowRef<ControllerSnapshot | null>(null)
  const focusedPool = ref<number | null>(null)
  const traceLog = new TraceLog()
  const traceRows = shallowRef<TraceRow[]>([])
  const traceKinds = ref<string[]>([])
  /** Events before the rows held that the view never fetched or has dropped (it keeps the newest). */
  const traceEarlier = ref(0)
  const traceFilter = ref<Set<string>>(new Set())
  /** Show only trace rows whose argument is this address (a packet followed from the inspector). */
  const traceArg = ref<number | null>(null)
  const error = ref<string | null>(null)

  const groups = computed(() => groupByOwner(packets.value))
  const highlightedBuffers = computed(() =>
    detail.value && selection.value
      ? buffersInRange(detail.value.chain, selection.value.start, selection.value.length)
      : [],
  )
  const visibleTrace = computed(() =>
    traceArg.value === null ? traceRows.value : traceRows.value.filter((r) => r.arg === traceArg.value),
  )

  async function refreshPackets(): Promise<void> {
    try {
      packets.value = await workbenchApi().listPackets()
      if (selectedAddress.value !== null) await loadDetail(selectedAddress.value)
    } catch (e) {
      error.value = message(e)
    }
  }

  async function loadDetail(address: number): Promise<void> {
    const next = await workbenchApi().getPacket(address)
    if (selectedAddress.value === address) detail.value = next
  }

  async function selectPacket(address: number): Promise<void> {
    if (selectedAddress.value !== address) selection.value = null
    selectedAddress.value = address
    try {
      await loadDetail(address)
    } catch (e) {
      error.value = message(e)
    }
  }

  function selectRange(start: number, length: number): void {
    selection.value = { start, length }
  }

  function selectBuffer(index: number): void {
    selection.value = detail.value ? rangeOfBuffer(detail.value.chain, index) : null
  }

  /** A buffer by address (a link in the descriptor's fields). */
  function selectBufferAt(address: number): void {
    const index = detail.value?.chain.findIndex((b) => b.address === address) ?? -1
    if (index >= 0) selectBuffer(index)
  }

  function focusPool(handle: number | null): void {
    focusedPool.value = handle
  }

  async function refreshController(): Promise<void> {
    try {
      controller.value = await workbenchApi().getController()
    } catch (e) {
      error.value = message(e)
    }
  }

  async function refreshTrace(): Promise<void> {
    try {
      // The newest rows since the last look: the view ends where the run stands, however many events that skips.
      const rows = await workbenchApi().getTrace(traceLog.lastSeq + 1, TRACE_PAGE, [], true)
      if (rows.length === 0 && traceRows.value.length === traceLog.size) return
      traceLog.append(rows)
      traceEarlier.value = traceLog.skipped + traceLog.dropped
      traceKinds.value = traceLog.kinds()
      traceRows.value = traceLog.filtered(traceFilter.value)
    } catch (e) {
      error.value = message(e)
    }
  }

  function toggleTraceKind(kind: string): void {
    const next = new Set(traceFilter.value)
    if (next.has(kind)) next.delete(kind)
    else next.add(kind)
    traceFilter.value = next
    traceRows.value = traceLog.filtered(next)
  }

  function followInTrace(address: number | null): void {
    traceArg.value = address
  }

  /** A new run: everything shown belongs to the old one. */
  function clearRun(): void {
    packets.value = []
    selectedAddress.value = null
    detail.value = null
    selection.value = null
    controller.value = null
    traceLog.clear()
    traceRows.value = []
    traceEarlier.value = 0
    traceKinds.value = []
    traceArg.value = null
  }

  function reset(): void {
    clearRun()
    traceFilter.value = new Set()
    focusedPool.value = null
    error.value = null
  }

  return {
    packets,
    selectedAddress,
    detail,
    selection,
    controller,
    focusedPool,
    traceRows,
    traceKinds,
    traceEarlier,
    traceFilter,
    traceArg,
    error,
    groups,
    highlightedBuffers,
    visibleTrace,
    refreshPackets,
    selectPacket,
    selectRange,
    selectBuffer,
    selectBufferAt,
    focusPool,
    refreshController,
    refreshTrace,
    toggleTraceKind,
    followInTrace,
    clearRun,
    reset,
  }
})

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
