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

  it('asked for the newest, end at the last event logged, however far behind the asker was', () => {
    const log = new EventLog(64)
    const sites = new CallSites()
    const api = log.intern('NdisMIndicateReceivePacket')
    const isr = log.intern('MiniportISR')
    for (let i = 0; i < 200; i++)
      log.add(i * 10, i % 3 === 0 ? TRACE_HANDLER_BEGIN : TRACE_API, i % 3 === 0 ? isr : api, i, 0)
    // A page from where the asker stopped (seq 5, long gone from the ring) is the oldest rows still held…
    expect(traceRows(log, sites, 5, 10, []).map((r) => r.seq)).toEqual([
      136, 137, 138, 139, 140, 141, 142, 143, 144, 145,
    ])
    // …the newest are the last ten events logged, whatever the page size would have reached.
    expect(traceRows(log, sites, 5, 10, [], true).map((r) => r.seq)).toEqual([
      190, 191, 192, 193, 194, 195, 196, 197, 198, 199,
    ])
    // Of one kind: the last three of that kind; and never before the seq asked from.
    expect(traceRows(log, sites, 0, 3, ['handler'], true).map((r) => r.seq)).toEqual([192, 195, 198])
    expect(traceRows(log, sites, 197, 10, [], true).map((r) => r.seq)).toEqual([197, 198, 199])
  })
})
