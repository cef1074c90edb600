// Chrome trace-event JSON (the format Perfetto and chrome://tracing open): handler spans, ISRs and DPCs as
// begin/end pairs, API calls, interrupts, frames and findings as instant events. Timestamps are virtual microseconds.
import type { CallSites } from '../verifier/call-site'
import {
  TRACE_DPC_BEGIN,
  TRACE_DPC_END,
  TRACE_HANDLER_BEGIN,
  TRACE_HANDLER_END,
  TRACE_ISR_BEGIN,
  TRACE_ISR_END,
  type EventLog,
} from './event-log'

interface TraceEvent {
  name: string
  cat: string
  ph: 'B' | 'E' | 'i' | 'M'
  ts: number
  pid: number
  tid: number
  s?: 't' | 'p' | 'g'
  args?: Record<string, unknown>
}

const TID_OF_CATEGORY: Record<string, number> = { isr: 1, dpc: 2, handler: 2, api: 2 }

export function chromeTraceJson(log: EventLog, sites: CallSites, scriptFile: string): string {
  const events: TraceEvent[] = [
    {
      name: 'process_name',
      cat: '__metadata',
      ph: 'M',
      ts: 0,
      pid: 1,
      tid: 0,
      args: { name: `nicbench ${scriptFile}` },
    },
    { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: 1, tid: 1, args: { name: 'DIRQL (ISR)' } },
    {
      name: 'thread_name',
      cat: '__metadata',
      ph: 'M',
      ts: 0,
      pid: 1,
      tid: 2,
      args: { name: 'CPU 0 (handlers, DPCs)' },
    },
    { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: 1, tid: 3, args: { name: 'controller and wire' } },
  ]
  for (const e of log.slice(log.firstSeq, log.capacity)) {
    const ts = e.timeNs / 1000
    const tid = TID_OF_CATEGORY[e.kindName] ?? 3
    const where = e.site > 0 ? sites.format(e.site) : undefined
    switch (e.kind) {
      case TRACE_HANDLER_BEGIN:
      case TRACE_ISR_BEGIN:
      case TRACE_DPC_BEGIN:
        events.push({ name: e.name, cat: e.kindName, ph: 'B', ts, pid: 1, tid })
        break
      case TRACE_HANDLER_END:
      case TRACE_ISR_END:
      case TRACE_DPC_END:
        events.push({ name: e.name, cat: e.kindName, ph: 'E', ts, pid: 1, tid })
        break
      default:
        events.push({
          name: e.name,
          cat: e.kindName,
          ph: 'i',
          s: 't',
          ts,
          pid: 1,
          tid,
          args: where ? { arg: e.arg, at: where } : { arg: e.arg },
        })
    }
  }
  return JSON.stringify({ traceEvents: events, displayTimeUnit: 'ns' })
}
