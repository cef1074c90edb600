// @vitest-environment happy-dom
// Where a paused run stands: the last event and the last script line that ran, read back from the trace when the run
// pauses; after a step, what the step ran. The status bar says both.
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { TraceRow } from '../../../core/api/workbench-api'
import StatusBar from '../../../renderer/src/components/frame/StatusBar.vue'
import { useRunStore } from '../../../renderer/src/stores/run'
import { scriptedHost, stats, type ScriptedHost } from './fixtures/host'

let host: ScriptedHost
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const at = (line: number) => ({ file: 'miniport.ts', line, column: 3 })
const row = (seq: number, kind: string, name: string, line: number | null): TraceRow => ({
  seq,
  timeNs: seq * 1_000,
  kind,
  name,
  arg: 0,
  at: line === null ? null : at(line),
})

beforeEach(() => {
  localStorage.clear()
  host = scriptedHost()
  window.workbench = host
  setActivePinia(createPinia())
})

describe('where a paused run stands', () => {
  it('knows the last event and the last script line that ran, and what a step ran', async () => {
    const run = useRunStore()
    run.subscribe()
    host.trace = [row(0, 'handler', 'MiniportISR', null), row(1, 'api', 'NdisMSynchronizeWithInterrupt', 120)]
    for (let i = 2; i < 300; i++) host.trace.push(row(i, 'api', 'NdisReadRegisterUlong', 140))
    host.trace.push(row(300, 'handler', 'MiniportISR returned', null))
    host.push({ state: 'running', eventsDispatched: 10 })
    expect(run.where).toBeNull()
    host.push({ state: 'paused', eventsDispatched: 11 })
    await flush()
    expect(run.where).toEqual({ last: host.trace[300], line: at(140), stepped: null })

    host.trace.push(row(301, 'dpc', 'MiniportHandleInterrupt', null), row(302, 'api', 'NdisMIndicateReceivePacket', 88))
    host.push({ state: 'paused', eventsDispatched: 12 })
    await flush()
    expect(run.where).toEqual({
      last: host.trace[302],
      line: at(88),
      stepped: 'ran dpc MiniportHandleInterrupt and 1 more trace event',
    })
    const bar = mount(StatusBar, {
      props: {
        connection: 'connected',
        hostLabel: '',
        line: 1,
        column: 1,
        error: null,
        stats: stats(),
        where: run.where,
      },
    })
    expect(bar.get('[data-testid="step-ran"]').text()).toBe('ran dpc MiniportHandleInterrupt and 1 more trace event')
    expect(bar.get('[data-testid="last-event"]').text()).toBe(
      'last event: api NdisMIndicateReceivePacket at 302.000 µs (miniport.ts:88)',
    )
    host.push({ state: 'running', eventsDispatched: 20 })
    expect(run.where).toBeNull()
  })

  it('says a run is starting until it runs', () => {
    const bar = mount(StatusBar, {
      props: { connection: 'connected', hostLabel: '', line: 1, column: 1, error: null, stats: null, starting: true },
    })
    expect(bar.get('[data-testid="run-state"]').text()).toBe('starting…')
  })
})
