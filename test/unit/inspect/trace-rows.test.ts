// Trace rows: a handler span's end reads as its return, kinds filter, sites resolve to lines.
import { describe, expect, it } from 'vitest'
import { CallSites } from '../../../core/verifier/call-site'
import { traceRows } from '../../../core/inspect/trace'
import { TRACE_API, TRACE_HANDLER_BEGIN, TRACE_HANDLER_END, EventLog } from '../../../core/trace/event-log'

describe('trace rows', () => {
  it('tell a span from its return and keep only the kinds asked for', () => {
    const log = new EventLog(16)
    const sites = new CallSites()
    const site = sites.register('driver.ts', 42, 3)
    const isr = log.intern('MiniportISR')
    log.add(100, TRACE_HANDLER_BEGIN, isr, 5, 0)
    log.add(150, TRACE_API, log.intern('NdisReadRegisterUlong'), 0, site)
    log.add(200, TRACE_HANDLER_END, isr, 5, 0)
    expect(traceRows(log, sites, 0, 10, []).map((r) => [r.kind, r.name])).toEqual([
      ['handler', 'MiniportISR'],
      ['api', 'NdisReadRegisterUlong'],
      ['handler', 'MiniportISR returned'],
    ])
    const api = traceRows(log, sites, 0, 10, ['api'])
    expect(api).toHaveLength(1)
    expect(api[0]!.at).toMatchObject({ file: 'driver.ts', line: 42, column: 3 })
  })
})
