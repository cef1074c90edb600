// Trace rows for the Trace view: a page of the run's event log, optionally only some kinds, with call sites resolved;
// or only the newest rows of that page, for a view that shows where the run stands.
import type { TraceRow } from './views'
import type { CallSites } from '../verifier/call-site'
import { TRACE_DPC_END, TRACE_HANDLER_END, TRACE_ISR_END, type EventLog } from '../trace/event-log'
import { siteLocation } from './packets'

/** Rows answered at most per request. */
export const MAX_TRACE_ROWS = 10_000

/** The sequence number from which the last `n` events of the wanted kinds are (walking back from the newest). */
function newestFrom(log: EventLog, n: number, kinds: ReadonlySet<string> | undefined): number {
  if (!kinds) return Math.max(0, log.count - n)
  let seen = 0
  let seq = log.count - 1
  for (; seq >= log.firstSeq && seen < n; seq--) if (kinds.has(log.get(seq)!.kindName)) seen++
  return seq + 1
}

export function traceRows(
  log: EventLog,
  sites: CallSites,
  fromSeq: number,
  limit: number,
  kinds: readonly string[],
  newest = false,
): TraceRow[] {
  const n = Number.isFinite(limit) ? Math.min(MAX_TRACE_ROWS, Math.max(0, Math.floor(limit))) : 0
  const wanted = kinds.length > 0 ? new Set(kinds) : undefined
  let from = Number.isFinite(fromSeq) ? Math.max(0, Math.floor(fromSeq)) : 0
  if (newest) from = Math.max(from, newestFrom(log, n, wanted))
  const events = log.slice(from, n, wanted)
  return events.map((e) => ({
    seq: e.seq,
    timeNs: e.timeNs,
    kind: e.kindName,
    // A span's end reads as its return, so a begin and its end are told apart in the list.
    name:
      e.kind === TRACE_HANDLER_END || e.kind === TRACE_ISR_END || e.kind === TRACE_DPC_END
        ? `${e.name} returned`
        : e.name,
    arg: e.arg,
    at: siteLocation(sites, e.site),
  }))
}
