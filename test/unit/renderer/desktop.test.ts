// @vitest-environment happy-dom
// The page's side of the Electron window's extras (application menu, workspace files, autosave, recovery after a
// crash), against a scripted stand-in for the desktop bridge: the Electron app itself cannot be launched here. In a
// browser (serve mode) the bridge is absent and none of this may do anything.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import RecoveryBanner from '../../../renderer/src/components/editor/RecoveryBanner.vue'
import TitleBar from '../../../renderer/src/components/frame/TitleBar.vue'
import RunBar from '../../../renderer/src/components/runbar/RunBar.vue'
import { desktopBridge } from '../../../renderer/src/api/desktop'
import { AUTOSAVE_INTERVAL_MS, useDesktopStore } from '../../../renderer/src/stores/desktop'
import { useEditorStore } from '../../../renderer/src/stores/editor'
import { useRunStore } from '../../../renderer/src/stores/run'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { STARTER_MINIPORT } from '../../../renderer/src/monaco/starter'
import { layoutPatch, recoveryTime } from '../../../renderer/src/services/workspace'
import { defaultSettings } from '../../../renderer/src/services/settings'
import { scriptedHost, type ScriptedHost } from './fixtures/host'
import { fakeDesktop, recovery, type FakeDesktop } from './fixtures/desktop'

let host: ScriptedHost
let desktop: FakeDesktop
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const NOW = new Date(2024, 4, 17, 18, 0).getTime()

const WORKSPACE = {
  file: '/home/ann/lab/flood-test.nicws',
  scripts: ['/home/ann/lab/src/miniport.ts', '/home/ann/lab/src/helpers.ts'],
  scenario: '/home/ann/lab/flood.json',
  verifier: 'off' as const,
  seed: 4242,
  layout: { sideWidth: 333, bottomTab: 'trace', sideTab: 'no such tab', theme: 'light', unknown: 1 },
  // What the main process read from disk when it opened the workspace (main/workspace/workspace-texts.ts).
  texts: [
    { path: '/home/ann/lab/src/miniport.ts', text: '// miniport from disk\n', error: null },
    { path: '/home/ann/lab/src/helpers.ts', text: 'export const MTU = 1514\n', error: null },
    { path: '/home/ann/lab/flood.json', text: '{"name":"flood"}\n', error: null },
  ],
}

function callsOf(name: string): unknown[][] {
  return desktop.calls.filter((c) => c.name === name).map((c) => c.args)
}

beforeEach(() => {
  localStorage.clear()
  host = scriptedHost()
  desktop = fakeDesktop()
  window.workbench = host
  window.workbenchDesktop = desktop
  setActivePinia(createPinia())
})

afterEach(() => {
  useDesktopStore().disconnect()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('menu commands', () => {
  it('Run, Pause, Step and Stop do what F5, F6, F10 and Shift+F5 do in each run state', async () => {
    await useDesktopStore().connect()
    desktop.menu('run')
    await flush()
    expect(host.calls.filter((c) => c.name === 'startRun').map((c) => c.args[0])).toMatchObject([{ paused: false }])
    host.push({ state: 'running' })
    desktop.menu('run')
    desktop.menu('step')
    await flush()
    expect(host.calls.filter((c) => c.name === 'startRun' || c.name === 'stepRun')).toHaveLength(1)
    desktop.menu('pause')
    await flush()
    expect(host.calls.at(-1)!.name).toBe('pauseRun')
    host.push({ state: 'paused' })
    desktop.menu('step')
    await flush()
    expect(host.calls.at(-1)!.name).toBe('stepRun')
    desktop.menu('run')
    await flush()
    expect(host.calls.at(-1)!.name).toBe('resumeRun')
    desktop.menu('stop')
    await flush()
    expect(host.calls.at(-1)!.name).toBe('stopRun')
    expect(useRunStore().lastError).toBeNull()
  })

  it('Step with no run starts one paused', async () => {
    await useDesktopStore().connect()
    desktop.menu('step')
    await flush()
    expect(host.calls.find((c) => c.name === 'startRun')!.args[0]).toMatchObject({ paused: true })
  })

  it('New starts the starter script and a workspace not saved yet, asking before unsaved text is dropped', async () => {
    const store = useDesktopStore()
    await store.connect()
    desktop.open(WORKSPACE)
    const editor = useEditorStore()
    editor.open('driver.ts', '// old')
    editor.setText('// unsaved')
    const confirm = vi.fn(() => false)
    vi.stubGlobal('confirm', confirm)
    desktop.menu('new')
    expect(confirm).toHaveBeenCalledOnce()
    expect([editor.text, store.workspaceFile]).toEqual(['// unsaved', WORKSPACE.file])
    confirm.mockReturnValue(true)
    desktop.menu('new')
    expect([editor.fileName, editor.text, editor.dirty]).toEqual(['miniport.ts', STARTER_MINIPORT, false])
    expect([store.workspaceFile, store.scriptPaths, store.workspace]).toEqual([null, [], null])
  })
})

describe('workspaces', () => {
  it('Save asks where the first time, sends seed, verifier and layout, and remembers the file written', async () => {
    const store = useDesktopStore()
    await store.connect()
    useSettingsStore().update({ seed: 77, verifier: 'full', sideWidth: 500, bottomTab: 'packets' })
    desktop.saveAnswer = '/home/ann/first.nicws'
    desktop.menu('save')
    await flush()
    expect(callsOf('saveWorkspace')).toEqual([
      [
        {
          scripts: [],
          scenario: null,
          verifier: 'full',
          seed: 77,
          layout: { sideWidth: 500, bottomHeight: 340, sideTab: 'pools', bottomTab: 'packets', packetsListWidth: 300 },
        },
        null,
        false,
      ],
    ])
    expect(store.workspaceFile).toBe('/home/ann/first.nicws')

    desktop.menu('save')
    await flush()
    expect(callsOf('saveWorkspace')[1]!.slice(1)).toEqual(['/home/ann/first.nicws', false])

    desktop.saveAnswer = null
    desktop.menu('saveAs')
    await flush()
    expect(callsOf('saveWorkspace')[2]!.slice(1)).toEqual(['/home/ann/first.nicws', true])
    expect(store.workspaceFile).toBe('/home/ann/first.nicws')
  })

  it('an opened workspace sets seed, verifier and its valid layout fields, and names itself in the title bar', async () => {
    const store = useDesktopStore()
    await store.connect()
    desktop.open(WORKSPACE)
    const { settings } = useSettingsStore()
    expect(settings).toMatchObject({ seed: 4242, verifier: 'off', sideWidth: 333, bottomTab: 'trace' })
    expect([settings.sideTab, settings.theme]).toEqual(['pools', defaultSettings().theme])
    expect(store.workspace).toEqual({
      name: 'flood-test',
      detail: 'miniport.ts, helpers.ts, flood.json',
      tooltip: [WORKSPACE.file, ...WORKSPACE.scripts, WORKSPACE.scenario].join('\n'),
    })
    const bar = mount(TitleBar, { props: { fileName: 'miniport.ts', dirty: false, workspace: store.workspace } })
    expect(bar.get('[data-testid="workspace-name"]').text()).toBe('flood-test — miniport.ts, helpers.ts, flood.json')
  })

  it('saving an opened workspace keeps the files it names, in their order, and writes no other text to them', async () => {
    const store = useDesktopStore()
    await store.connect()
    const reversed = [...WORKSPACE.scripts].reverse()
    desktop.open({ ...WORKSPACE, scripts: reversed })
    const editor = useEditorStore()
    expect([editor.fileName, editor.text]).toEqual(['helpers.ts', 'export const MTU = 1514\n'])
    // An example of the same name as a workspace file is not that file.
    editor.open('miniport.ts', '// example')
    editor.setText('// example, edited')
    desktop.saveAnswer = WORKSPACE.file
    await store.save(false)
    expect(callsOf('saveWorkspace')[0]).toMatchObject([
      { scripts: reversed, scenario: WORKSPACE.scenario, verifier: 'off', seed: 4242 },
      WORKSPACE.file,
      false,
    ])
    expect(callsOf('saveTextFile')).toEqual([])
    expect(editor.dirty).toBe(true)
  })

  it('a failed save is reported and the workspace file is kept', async () => {
    const store = useDesktopStore()
    await store.connect()
    desktop.open(WORKSPACE)
    desktop.saveWorkspace = () => Promise.reject(new Error('EACCES: permission denied'))
    await store.save(false)
    expect([store.error, store.workspaceFile]).toEqual(['EACCES: permission denied', WORKSPACE.file])
  })

  it('layout fields with values the settings refuse are ignored', () => {
    const current = defaultSettings()
    expect(layoutPatch({ sideWidth: 'wide', bottomHeight: Number.NaN, bottomTab: 'output', seed: 5 }, current)).toEqual(
      {
        bottomTab: 'output',
      },
    )
  })
})

describe("a workspace's script and scenario in the editor", () => {
  it('opening a workspace puts its first script and its scenario in the editor, unedited', async () => {
    const store = useDesktopStore()
    await store.connect()
    desktop.open(WORKSPACE)
    const editor = useEditorStore()
    expect([editor.fileName, editor.text, editor.dirty]).toEqual(['miniport.ts', '// miniport from disk\n', false])
    expect([editor.scenarioName, editor.scenarioText, editor.scenarioDirty]).toEqual([
      'flood.json',
      '{"name":"flood"}\n',
      false,
    ])
    expect([editor.active, editor.paths]).toEqual([
      'script',
      { script: WORKSPACE.scripts[0], scenario: WORKSPACE.scenario },
    ])
    expect([store.error, store.savesToWorkspace('script'), store.savesToWorkspace('scenario')]).toEqual([
      null,
      true,
      true,
    ])
  })

  it('a file that could not be read keeps its document as it was and is named in the title bar', async () => {
    const store = useDesktopStore()
    await store.connect()
    const editor = useEditorStore()
    const scenarioBefore = editor.scenarioText
    desktop.open({
      ...WORKSPACE,
      texts: [
        { path: WORKSPACE.scripts[0]!, text: '// miniport from disk\n', error: null },
        { path: WORKSPACE.scripts[1]!, text: null, error: 'permission denied' },
        { path: WORKSPACE.scenario, text: null, error: 'no such file' },
      ],
    })
    expect(editor.text).toBe('// miniport from disk\n')
    expect([editor.scenarioText, editor.paths.scenario, store.savesToWorkspace('scenario')]).toEqual([
      scenarioBefore,
      null,
      false,
    ])
    expect(store.error).toBe('cannot open helpers.ts: permission denied; cannot open flood.json: no such file')
    expect(store.workspaceFile).toBe(WORKSPACE.file)
    const bar = mount(TitleBar, { props: { fileName: 'miniport.ts', dirty: false, error: store.error } })
    expect(bar.get('[data-testid="desktop-error"]').text()).toBe(store.error)
  })

  it('asks before a workspace replaces unsaved text; declined, nothing of the workspace is applied', async () => {
    const store = useDesktopStore()
    await store.connect()
    const editor = useEditorStore()
    editor.setText('// typed, not saved')
    const confirm = vi.fn(() => false)
    vi.stubGlobal('confirm', confirm)
    desktop.open(WORKSPACE)
    expect(confirm).toHaveBeenCalledWith('Discard the unsaved changes to miniport.ts?')
    expect([editor.text, store.workspaceFile, useSettingsStore().settings.seed]).toEqual([
      '// typed, not saved',
      null,
      defaultSettings().seed,
    ])
    confirm.mockReturnValue(true)
    desktop.open(WORKSPACE)
    expect([editor.text, editor.dirty, store.workspaceFile]).toEqual(['// miniport from disk\n', false, WORKSPACE.file])
  })

  it('Save writes the edited script and scenario back to their files, then the workspace, and drops the autosave', async () => {
    const store = useDesktopStore()
    await store.connect()
    desktop.open(WORKSPACE)
    const editor = useEditorStore()
    editor.setText('// miniport, edited\n')
    editor.setScenarioText('{"name":"flood","seconds":2}\n')
    await nextTick()
    desktop.saveAnswer = WORKSPACE.file
    desktop.menu('save')
    await flush()
    expect(desktop.calls.map((c) => c.name).filter((n) => n.startsWith('save'))).toEqual([
      'saveTextFile',
      'saveTextFile',
      'saveWorkspace',
    ])
    expect(desktop.files.get(WORKSPACE.scripts[0]!)).toBe('// miniport, edited\n')
    expect(desktop.files.get(WORKSPACE.scenario)).toBe('{"name":"flood","seconds":2}\n')
    expect(desktop.files.get(WORKSPACE.scripts[1]!)).toBe('export const MTU = 1514\n')
    expect([editor.dirty, editor.scenarioDirty, store.error]).toEqual([false, false, null])
    await nextTick()
    expect(callsOf('editorSaved')).toEqual([['script'], ['scenario']])

    // Nothing edited since: only the workspace is written.
    desktop.menu('save')
    await flush()
    expect(callsOf('saveTextFile')).toHaveLength(2)
    expect(callsOf('saveWorkspace')).toHaveLength(2)
  })

  it("the run bar's Save writes a workspace document back to its file; other text is not the workspace's", async () => {
    const store = useDesktopStore()
    await store.connect()
    desktop.open(WORKSPACE)
    desktop.saveAnswer = WORKSPACE.file
    const editor = useEditorStore()
    editor.setScenarioText('{"name":"edited"}')
    editor.show('scenario')
    const bar = mount(RunBar)
    await bar.get('button[title="Save the active file"]').trigger('click')
    await flush()
    expect(callsOf('saveTextFile')).toEqual([[WORKSPACE.scenario, '{"name":"edited"}']])
    expect(callsOf('saveWorkspace')).toHaveLength(1)
    expect(editor.scenarioDirty).toBe(false)
    editor.open('loopback.json', '{}')
    expect(store.savesToWorkspace('scenario')).toBe(false)
    bar.unmount()
  })

  it('a file that cannot be written stays unsaved and is reported; the workspace is still saved', async () => {
    const store = useDesktopStore()
    await store.connect()
    desktop.open(WORKSPACE)
    desktop.saveAnswer = WORKSPACE.file
    desktop.saveTextFile = () =>
      Promise.reject(
        new Error(
          "Error invoking remote method 'workbench:saveTextFile': Error: /home/ann/lab/src/miniport.ts: cannot be written (EACCES)",
        ),
      )
    const editor = useEditorStore()
    editor.setText('// edited')
    await store.save(false)
    expect(store.error).toBe('/home/ann/lab/src/miniport.ts: cannot be written (EACCES)')
    expect([editor.dirty, callsOf('saveWorkspace').length, callsOf('editorSaved')]).toEqual([true, 1, []])
  })

  it('text typed while its file is written stays unsaved', async () => {
    const store = useDesktopStore()
    await store.connect()
    desktop.open(WORKSPACE)
    const editor = useEditorStore()
    editor.setText('// first')
    const write = desktop.saveTextFile
    desktop.saveTextFile = async (path, text) => {
      editor.setText('// first, and more')
      return write(path, text)
    }
    await store.save(false)
    expect([desktop.files.get(WORKSPACE.scripts[0]!), editor.dirty]).toEqual(['// first', true])
  })

  it('after New, Save writes nothing into the files of the workspace that was open', async () => {
    const store = useDesktopStore()
    await store.connect()
    desktop.open(WORKSPACE)
    const editor = useEditorStore()
    editor.setScenarioText('{"name":"kept in the editor"}')
    desktop.menu('new')
    desktop.saveAnswer = '/home/ann/other.nicws'
    await store.save(false)
    expect(callsOf('saveTextFile')).toEqual([])
    expect(callsOf('saveWorkspace')[0]![0]).toMatchObject({ scripts: [], scenario: null })
    expect(desktop.files.get(WORKSPACE.scenario)).toBe('{"name":"flood"}\n')
  })
})

describe('autosave of unsaved text', () => {
  it('sends the latest script and scenario text at most every 500 ms, with the file the workspace names', async () => {
    vi.useFakeTimers()
    await useDesktopStore().connect()
    desktop.open(WORKSPACE)
    const editor = useEditorStore()
    editor.setText('// a')
    await nextTick()
    editor.setText('// ab')
    await nextTick()
    editor.setScenarioText('{"name":"flood"}')
    await nextTick()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS - 1)
    expect(callsOf('editorChanged')).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(callsOf('editorChanged')).toEqual([
      ['script', WORKSPACE.scripts[0], '// ab'],
      ['scenario', WORKSPACE.scenario, '{"name":"flood"}'],
    ])
  })

  it('a saved document (or one replaced by an opened file) drops its autosave, pending text included', async () => {
    vi.useFakeTimers()
    await useDesktopStore().connect()
    const editor = useEditorStore()
    editor.setText('// typed')
    await nextTick()
    editor.markSaved('script')
    await nextTick()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS * 2)
    expect(callsOf('editorChanged')).toEqual([])
    expect(callsOf('editorSaved')).toEqual([['script']])
    editor.open('other.ts', '// opened')
    await nextTick()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS * 2)
    expect(callsOf('editorChanged')).toEqual([])
  })
})

describe('recovery after a crash', () => {
  const Banner = defineComponent({
    setup() {
      const store = useDesktopStore()
      return () =>
        h(RecoveryBanner, {
          recoveries: store.recoveries,
          nowMs: NOW,
          onRestore: store.restore,
          onDiscard: store.discard,
        })
    },
  })

  it('offers each recovered document with its time and file; Restore puts the text back, still unsaved', async () => {
    desktop.found = [
      recovery({ key: 'script', file: '/home/ann/lab/src/miniport.ts', text: '// before the crash' }),
      recovery({ key: 'scenario', text: '{"name":"lost"}', savedAtMs: new Date(2024, 4, 16, 23, 59).getTime() }),
    ]
    await useDesktopStore().connect()
    const view = mount(Banner)
    expect(view.findAll('[data-testid="recovery"]').map((r) => r.get('.text').text())).toEqual([
      'Unsaved text from 09:05 was recovered for miniport.ts',
      'Unsaved text from 2024-05-16 23:59 was recovered for the scenario',
    ])
    await view.get('[data-testid="recovery-restore"]').trigger('click')
    const editor = useEditorStore()
    expect([editor.text, editor.dirty, editor.active]).toEqual(['// before the crash', true, 'script'])
    expect(editor.scenarioText).not.toBe('{"name":"lost"}')
    expect(view.findAll('[data-testid="recovery"]')).toHaveLength(1)
    expect(callsOf('editorSaved')).toEqual([])
  })

  it('Discard drops the autosaved text and the offer', async () => {
    desktop.found = [recovery({ key: 'scenario', text: '{"name":"lost"}' })]
    await useDesktopStore().connect()
    const view = mount(Banner)
    const before = useEditorStore().scenarioText
    await view.get('[data-testid="recovery-discard"]').trigger('click')
    expect(callsOf('editorSaved')).toEqual([['scenario']])
    expect(useEditorStore().scenarioText).toBe(before)
    expect(view.find('[data-testid="recovery-banner"]').exists()).toBe(false)
  })

  it('does not offer text the editor already holds, nor documents it does not have', async () => {
    const editor = useEditorStore()
    desktop.found = [recovery({ key: 'script', text: editor.text }), recovery({ key: 'untitled:notes' })]
    const store = useDesktopStore()
    await store.connect()
    expect(callsOf('recoveries')).toHaveLength(1)
    expect(store.recoveries).toEqual([])
  })

  it('reads an unreadable time as an earlier session', () => {
    expect(recoveryTime(Number.NaN, NOW)).toBe('an earlier session')
  })
})

describe('without the desktop bridge (a browser, serve mode)', () => {
  it('connects to nothing, saves nothing, offers nothing and shows no workspace', async () => {
    delete window.workbenchDesktop
    expect(desktopBridge()).toBeNull()
    vi.useFakeTimers()
    const store = useDesktopStore()
    await store.connect()
    useEditorStore().setText('// typed in a browser')
    await nextTick()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS * 2)
    await store.save(true)
    await store.menu('save')
    expect([store.connected, store.workspaceFile, store.workspace, store.recoveries, store.error]).toEqual([
      false,
      null,
      null,
      [],
      null,
    ])
    expect(desktop.calls).toEqual([])
    expect(desktop.listeners()).toBe(0)
    expect(host.calls).toEqual([])
    const bar = mount(TitleBar, { props: { fileName: 'miniport.ts', dirty: true, workspace: store.workspace } })
    expect(bar.find('[data-testid="workspace-name"]').exists()).toBe(false)
  })
})
