import { defineStore } from 'pinia'
import { computed, effectScope, ref, watch, type EffectScope } from 'vue'
import type { DesktopRecovery, DesktopWorkspace, MenuCommand } from '../../../core/api/desktop-api'
import { desktopBridge } from '../api/desktop'
import { runKey } from '../composables/run-keys'
import type { KeyChord } from '../services/run-keys'
import { throttled, type Throttled } from '../services/throttle'
import { baseName, layoutOf, layoutPatch, workspaceName } from '../services/workspace'
import { STARTER_MINIPORT } from '../monaco/starter'
import { useEditorStore, type EditorDocument } from './editor'
import { useSettingsStore } from './settings'

/** Unsaved editor text goes to the app's data folder at most this often (the main process debounces it again). */
export const AUTOSAVE_INTERVAL_MS = 500

/** The menu's run commands are the debugger keys: the same action in every run state. */
const MENU_KEYS: Partial<Record<MenuCommand, KeyChord>> = {
  run: { key: 'F5', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false },
  pause: { key: 'F6', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false },
  step: { key: 'F10', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false },
  stop: { key: 'F5', shiftKey: true, ctrlKey: false, altKey: false, metaKey: false },
}

const DOCUMENTS: readonly EditorDocument[] = ['script', 'scenario']

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/**
 * The Electron window's extras: workspace files, autosave of unsaved text and its recovery after a crash, and the
 * application menu. Without the desktop bridge (a browser) nothing here does anything.
 */
export const useDesktopStore = defineStore('desktop', () => {
  const connected = ref(false)
  const workspaceFile = ref<string | null>(null)
  /** Paths the opened workspace names; the page cannot read files, so they are shown and saved back, not loaded. */
  const scriptPaths = ref<string[]>([])
  const scenarioPath = ref<string | null>(null)
  /** Autosaved text offered for restoring, newest first. */
  const recoveries = ref<DesktopRecovery[]>([])
  const error = ref<string | null>(null)
  let scope: EffectScope | null = null
  let unsubscribe: (() => void)[] = []
  const autosave = new Map<EditorDocument, Throttled<string>>()

  const workspace = computed(() => {
    if (!workspaceFile.value) return null
    const paths = [...scriptPaths.value, ...(scenarioPath.value ? [scenarioPath.value] : [])]
    return {
      name: workspaceName(workspaceFile.value),
      detail: paths.map(baseName).join(', '),
      tooltip: [workspaceFile.value, ...paths].join('\n'),
    }
  })

  /** The path of an editor document, when the workspace names a file of the name the editor shows. */
  function pathOf(document: EditorDocument): string | null {
    const editor = useEditorStore()
    if (document === 'script') return scriptPaths.value.find((p) => baseName(p) === editor.fileName) ?? null
    return scenarioPath.value && baseName(scenarioPath.value) === editor.scenarioName ? scenarioPath.value : null
  }

  async function call(action: () => Promise<unknown>): Promise<void> {
    try {
      await action()
    } catch (e) {
      error.value = message(e)
    }
  }

  /** Listens to the menu and workspace channels, offers what a crash left, and autosaves unsaved text. */
  async function connect(): Promise<void> {
    const bridge = desktopBridge()
    if (!bridge || connected.value) return
    connected.value = true
    unsubscribe = [bridge.onMenu((command) => void menu(command)), bridge.onWorkspace(applyWorkspace)]
    const editor = useEditorStore()
    scope = effectScope(true)
    scope.run(() => {
      for (const document of DOCUMENTS) {
        const sender = throttled<string>(
          (text) => void call(() => bridge.editorChanged(document, pathOf(document), text)),
          AUTOSAVE_INTERVAL_MS,
        )
        autosave.set(document, sender)
        const text = () => (document === 'script' ? editor.text : editor.scenarioText)
        const dirty = () => (document === 'script' ? editor.dirty : editor.scenarioDirty)
        watch(text, (value) => {
          if (dirty()) sender.push(value)
        })
        // Saved, or replaced by an opened file: the autosave is no longer needed.
        watch(dirty, (now, before) => {
          if (before && !now) {
            sender.cancel()
            void call(() => bridge.editorSaved(document))
          }
        })
      }
    })
    window.addEventListener('blur', flushAutosave)
    try {
      const found = await bridge.recoveries()
      recoveries.value = found.filter((r) => {
        if (r.key !== 'script' && r.key !== 'scenario') return false
        return r.text !== (r.key === 'script' ? editor.text : editor.scenarioText)
      })
    } catch (e) {
      error.value = message(e)
    }
  }

  function disconnect(): void {
    for (const stop of unsubscribe) stop()
    unsubscribe = []
    for (const sender of autosave.values()) sender.cancel()
    autosave.clear()
    scope?.stop()
    scope = null
    window.removeEventListener('blur', flushAutosave)
    connected.value = false
  }

  function flushAutosave(): void {
    for (const sender of autosave.values()) sender.flush()
  }

  async function menu(command: MenuCommand): Promise<void> {
    const chord = MENU_KEYS[command]
    if (chord) return runKey(chord)
    if (command === 'new') return newScript()
    if (command === 'save' || command === 'saveAs') return save(command === 'saveAs')
  }

  /** A new workspace: the starter script, no workspace file yet. */
  function newScript(): void {
    const editor = useEditorStore()
    if (editor.dirty && !window.confirm(`Discard the unsaved changes to ${editor.fileName}?`)) return
    editor.open('miniport.ts', STARTER_MINIPORT)
    workspaceFile.value = null
    scriptPaths.value = []
    scenarioPath.value = null
  }

  /** Writes the workspace (asking where for Save As or a workspace never saved) and remembers the file chosen. */
  async function save(saveAs: boolean): Promise<void> {
    const bridge = desktopBridge()
    if (!bridge) return
    const { settings } = useSettingsStore()
    const current = pathOf('script')
    const scripts = current ? [current, ...scriptPaths.value.filter((p) => p !== current)] : [...scriptPaths.value]
    error.value = null
    await call(async () => {
      const file = await bridge.saveWorkspace(
        {
          scripts,
          scenario: scenarioPath.value,
          verifier: settings.verifier,
          seed: settings.seed,
          layout: layoutOf(settings),
        },
        workspaceFile.value,
        saveAs,
      )
      if (file) workspaceFile.value = file
    })
  }

  function applyWorkspace(opened: DesktopWorkspace): void {
    const settings = useSettingsStore()
    settings.setSeed(opened.seed)
    if (['off', 'standard', 'full'].includes(opened.verifier)) settings.update({ verifier: opened.verifier })
    settings.update(layoutPatch(opened.layout ?? {}, settings.settings))
    workspaceFile.value = opened.file
    scriptPaths.value = [...opened.scripts]
    scenarioPath.value = opened.scenario
    error.value = null
  }

  /** Puts recovered text back in its editor document; it stays unsaved (and autosaved) until saved. */
  function restore(recovery: DesktopRecovery): void {
    const editor = useEditorStore()
    if (recovery.key === 'script') editor.setText(recovery.text)
    else if (recovery.key === 'scenario') editor.setScenarioText(recovery.text)
    else return
    editor.show(recovery.key)
    recoveries.value = recoveries.value.filter((r) => r !== recovery)
  }

  function discard(recovery: DesktopRecovery): void {
    recoveries.value = recoveries.value.filter((r) => r !== recovery)
    const bridge = desktopBridge()
    if (bridge) void call(() => bridge.editorSaved(recovery.key))
  }

  return {
    connected,
    workspaceFile,
    scriptPaths,
    scenarioPath,
    recoveries,
    error,
    workspace,
    connect,
    disconnect,
    menu,
    newScript,
    save,
    applyWorkspace,
    restore,
    discard,
  }
})
