// @vitest-environment happy-dom
// The Pinia stores against a scripted host: what they ask the engine, what they keep, what they remember.
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { useEditorStore } from '../../../renderer/src/stores/editor'
import { useWorkbenchStore } from '../../../renderer/src/stores/workbench'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { LOG_CAPACITY, useRunStore } from '../../../renderer/src/stores/run'
import { useInspectStore } from '../../../renderer/src/stores/inspect'
import { SETTINGS_KEY } from '../../../renderer/src/services/settings'
import { finding, scriptedHost, udpPacket, type ScriptedHost } from './fixtures/host'

let host: ScriptedHost
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  localStorage.clear()
  host = scriptedHost()
  window.workbench = host
  setActivePinia(createPinia())
})

describe('editor store', () => {
  it('autosaves the script and the scenario on every change and restores them', () => {
    const store = useEditorStore()
    store.setText('let a = 1')
    store.setScenarioText('{"name":"x"}')
    expect(store.dirty).toBe(true)
    setActivePinia(createPinia())
    const again = useEditorStore()
    expect(again.text).toBe('let a = 1')
    expect(again.scenarioText).toBe('{"name":"x"}')
  })

  it('opens JSON as the scenario and anything else as the script', () => {
    const store = useEditorStore()
    store.open('examples/buggy/double-free.ts', 'NdisFreePacket(p)')
    expect([store.fileName, store.text, store.active, store.dirty]).toEqual([
      'double-free.ts',
      'NdisFreePacket(p)',
      'script',
      false,
    ])
    store.open('flood.json', '{}')
    expect([store.scenarioName, store.scenarioText, store.active]).toEqual(['flood.json', '{}', 'scenario'])
  })

  it('counts repeated jumps to the same line and ignores lines that do not exist', () => {
    const store = useEditorStore()
    store.revealLine(42, 5)
    const first = store.reveal!.seq
    store.revealLine(42, 5)
    expect(store.reveal).toMatchObject({ line: 42, column: 5, document: 'script', seq: first + 1 })
    store.revealLine(0)
    store.revealLine(Number.NaN)
    expect(store.reveal!.seq).toBe(first + 1)
    store.reset()
    expect([store.reveal, store.dirty, store.cursorLine]).toEqual([null, false, 1])
  })
})

describe('settings store', () => {
  it('remembers theme, seed and layout in localStorage and rejects impossible seeds', async () => {
    const store = useSettingsStore()
    store.toggleTheme()
    store.setSeed(1234)
    store.setSeed(-1)
    store.setSeed(1.5)
    store.update({ sideWidth: 555, bottomTab: 'trace' })
    await nextTick()
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!)).toMatchObject({
      theme: 'light',
      seed: 1234,
      sideWidth: 555,
      bottomTab: 'trace',
    })
    setActivePinia(createPinia())
    expect(useSettingsStore().settings).toMatchObject({ theme: 'light', seed: 1234, bottomTab: 'trace' })
  })
})

describe('workbench store', () => {
  it('uses the preload bridge when the window has one', async () => {
    host.getInfo = async () => ({ version: '9.9.9', host: 'electron', versions: { electron: '41.7.1' } })
    const store = useWorkbenchStore()
    await store.connect()
    expect(store.connection).toBe('connected')
    expect(store.hostLabel).toBe('desktop · v9.9.9')
  })
})

describe('run store', () => {
  it('starts a run with the editor text, scenario, seed, speed and verifier level', async () => {
    const editor = useEditorStore()
    editor.setText('// driver')
    editor.setScenarioText('  {"name":"s"}\n')
    useSettingsStore().update({ seed: 99, speed: 'realtime', verifier: 'full' })
    await useRunStore().command('start')
    expect(host.calls.find((c) => c.name === 'startRun')!.args[0]).toEqual({
      fileName: 'miniport.ts',
      scriptText: '// driver',
      scenarioText: '{"name":"s"}',
      seed: 99,
      verifier: 'full',
      speed: 'realtime',
      paused: false,
    })
  })

  it('F10 with no run starts one paused; with a paused run it steps', async () => {
    const run = useRunStore()
    await run.command('step')
    expect(host.calls.find((c) => c.name === 'startRun')!.args[0]).toMatchObject({ paused: true })
    host.push({ state: 'paused' })
    await run.command('step')
    expect(host.calls.at(-1)!.name).toBe('stepRun')
  })

  it('shows why a run did not start and jumps to the first diagnostic', async () => {
    host.startResult = {
      ok: false,
      diagnostics: [
        { file: 'miniport.ts', line: 7, column: 3, message: "Cannot find name 'Ndisx'.", severity: 'error' },
      ],
    }
    const run = useRunStore()
    await run.start()
    const editor = useEditorStore()
    expect(editor.diagnostics).toHaveLength(1)
    expect(editor.reveal).toMatchObject({ line: 7, column: 3 })
    expect(run.lastError).toBe("miniport.ts:7: Cannot find name 'Ndisx'.")
  })

  it('keeps pushed statistics, pool history and a bounded DbgPrint log; fetches findings when their count changes', async () => {
    const run = useRunStore()
    run.subscribe()
    host.findings = [finding()]
    host.push({ findingCount: 1, newLog: [{ timeNs: 1, text: 'pool ready' }] })
    await flush()
    expect(run.state).toBe('running')
    expect(run.findings).toHaveLength(1)
    expect(run.history.series(0x80001000)).toEqual([10])
    const fetches = host.calls.filter((c) => c.name === 'getFindings').length
    host.push({
      findingCount: 1,
      newLog: Array.from({ length: LOG_CAPACITY }, (_, i) => ({ timeNs: i, text: `l${i}` })),
    })
    await flush()
    expect(host.calls.filter((c) => c.name === 'getFindings').length).toBe(fetches)
    expect(run.log).toHaveLength(LOG_CAPACITY)
    expect(run.log[0]!.text).toBe('l0')
  })

  it('raises the bug-check screen until dismissed', async () => {
    const run = useRunStore()
    run.subscribe()
    host.push({
      state: 'ended',
      bugCheck: {
        rule: 'R7',
        code: '0xC4',
        name: 'DRIVER_VERIFIER_DETECTED_VIOLATION',
        params: ['1', '2', '3', '4'],
        paramMeanings: ['a', 'b', 'c', 'd'],
        message: 'double free',
        at: { file: 'miniport.ts', line: 42, column: 1 },
      },
    })
    expect(run.showBugCheck).toBe(true)
    run.dismissBugCheck()
    expect(run.showBugCheck).toBe(false)
    run.reset()
    expect([run.stats, run.state]).toEqual([null, 'idle'])
  })

  it('reports a host failure instead of throwing', async () => {
    host.pauseRun = async () => {
      throw new Error('no run to pause')
    }
    const run = useRunStore()
    await run.command('pause')
    expect(run.lastError).toBe('no run to pause')
  })
})

describe('inspect store', () => {
  it('selects a packet, highlights the buffers holding a decode field, follows buffer links', async () => {
    const packet = udpPacket()
    host.packets = [packet.summary]
    host.details.set(packet.summary.address, packet)
    const inspect = useInspectStore()
    await inspect.refreshPackets()
    expect(inspect.groups.map((g) => g.owner)).toEqual(['protocol'])
    await inspect.selectPacket(packet.summary.address)
    expect(inspect.detail?.chain).toHaveLength(2)
    inspect.selectRange(10, 10)
    expect(inspect.highlightedBuffers).toEqual([0, 1])
    inspect.selectBufferAt(0x80003040)
    expect(inspect.selection).toEqual({ start: 14, length: 46 })
    inspect.selectBufferAt(0x12345678)
    expect(inspect.selection).toEqual({ start: 14, length: 46 })
  })

  it('reads the trace incrementally, filters it by kind and by a followed address', async () => {
    host.trace = [
      { seq: 0, timeNs: 0, kind: 'api', name: 'NdisAllocatePacket', arg: 0x80002000, at: null },
      { seq: 1, timeNs: 5, kind: 'irq', name: 'ISR', arg: 0, at: null },
    ]
    const inspect = useInspectStore()
    await inspect.refreshTrace()
    host.trace.push({ seq: 2, timeNs: 9, kind: 'api', name: 'NdisMIndicateReceivePacket', arg: 0x80002000, at: null })
    await inspect.refreshTrace()
    expect(host.calls.filter((c) => c.name === 'getTrace').map((c) => c.args[0])).toEqual([0, 2])
    expect(inspect.traceRows.map((r) => r.seq)).toEqual([0, 1, 2])
    inspect.toggleTraceKind('irq')
    expect(inspect.traceRows.map((r) => r.seq)).toEqual([1])
    inspect.toggleTraceKind('irq')
    inspect.followInTrace(0x80002000)
    expect(inspect.visibleTrace.map((r) => r.seq)).toEqual([0, 2])
    inspect.clearRun()
    expect(inspect.traceRows).toEqual([])
  })
})
