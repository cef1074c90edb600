// Trace rows for the Trace view: a page of the run's event log, optionally only some kinds, with call sites resolved.
import type { TraceRow } from './views'
import type { CallSites } from '../verifier/call-site'
import { TRACE_DPC_END, TRACE_HANDLER_END, TRACE_ISR_END, type EventLog } from '../trace/event-log'
import { siteLocation } from './packets'

/** Rows answered at most per request. */
export const MAX_TRACE_ROWS = 10_000

export function traceRows(
  log: EventLog,
  sites: CallSites,
  fromSeq: number,
  limit: number,
  kinds: readonly string[],
): TraceRow[] {
  const from = Number.isFinite(fromSeq) ? Math.max(0, Math.floor(fromSeq)) : 0
  const n = Number.isFinite(limit) ? Math.min(MAX_TRACE_ROWS, Math.max(0, Math.floor(limit))) : 0
  const events = log.slice(from, n, kinds.length > 0 ? new Set(kinds) : undefined)
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
