// @vitest-environment happy-dom
// The views show the run of the open script and nothing older: a refused run brings back no earlier stop screen,
// opening another script clears the last run's problems, and a link to a line of another file does not move the
// cursor in the open one.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useEditorStore } from '../../../renderer/src/stores/editor'
import { useFilesStore } from '../../../renderer/src/stores/files'
import { useRunStore } from '../../../renderer/src/stores/run'
import { finding, scriptedHost, type ScriptedHost } from './fixtures/host'

let host: ScriptedHost
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const stopScreen = {
  rule: 'R10',
  code: '0xC4',
  name: 'DRIVER_VERIFIER_DETECTED_VIOLATION',
  params: ['0x1', '0x2', '0x3', '0x4'] as [string, string, string, string],
  paramMeanings: ['', '', '', ''] as [string, string, string, string],
  message: 'spin lock released twice',
  at: { file: 'miniport.ts', line: 20, column: 3 },
}

beforeEach(() => {
  localStorage.clear()
  host = scriptedHost()
  window.workbench = host
  setActivePinia(createPinia())
})

describe('views of an earlier run', () => {
  it('a refused run shows no stop screen of the run before it', async () => {
    const run = useRunStore()
    await run.command('start')
    host.push({ state: 'ended', stopReason: 'bugcheck', bugCheck: stopScreen })
    expect(run.showBugCheck).toBe(true)
    host.startResult = {
      ok: false,
      diagnostics: [{ file: 'miniport.ts', line: 3, column: 1, message: "';' expected.", severity: 'error' }],
    }
    await run.command('start')
    expect([run.showBugCheck, run.bugCheck, run.state]).toEqual([false, null, 'idle'])
  })

  it("opening another script clears the last run's problems and stop screen", async () => {
    const run = useRunStore()
    await run.command('start')
    host.findings = [finding()]
    host.push({ state: 'ended', stopReason: 'bugcheck', bugCheck: stopScreen, findingCount: 1 })
    await flush()
    expect(run.findings).toHaveLength(1)
    await useFilesStore().open('buggy/double-free.ts', '// another script')
    expect([run.findings, run.bugCheck, run.stats]).toEqual([[], null, null])
  })

  it("a link to a line of another file leaves the open script's cursor and says where the line is", () => {
    const editor = useEditorStore()
    editor.load('script', 'wrong-irql.ts', '// open script', null)
    expect(editor.revealAt({ file: 'examples/reference-miniport.ts', line: 136, column: 1 })).toBe(false)
    expect(editor.reveal).toBeNull()
    expect(editor.notice).toBe('line 136 is in reference-miniport.ts, not in the open wrong-irql.ts')
    expect(editor.revealAt({ file: 'wrong-irql.ts', line: 12, column: 4 })).toBe(true)
    expect(editor.reveal).toMatchObject({ line: 12, column: 4, document: 'script' })
    expect(editor.notice).toBeNull()
  })
})

describe('a run being started', () => {
  it('does not show pushes of the previous run that arrive while it starts; its own are shown', async () => {
    const run = useRunStore()
    await run.command('start')
    host.push({ state: 'ended', stopReason: 'stopped', eventsDispatched: 900 })
    let answer: (r: { ok: true }) => void = () => {}
    host.startRun = async () => new Promise((resolve) => (answer = resolve))
    const starting = run.command('start')
    host.push({ state: 'ended', stopReason: 'stopped', eventsDispatched: 900 })
    expect([run.stats, run.state]).toEqual([null, 'idle'])
    answer({ ok: true })
    await starting
    host.push({ state: 'running', eventsDispatched: 3 })
    expect([run.state, run.stats?.eventsDispatched]).toEqual(['running', 3])
  })
})
