import { defineStore } from 'pinia'
import { computed, effectScope, ref, watch, type EffectScope } from 'vue'
import type {
  DesktopBridge,
  DesktopRecovery,
  DesktopWorkspace,
  DesktopWorkspaceText,
  MenuCommand,
} from '../../../core/api/desktop-api'
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
  // Electron prefixes an error thrown in the main process with the channel; the main process's sentence is enough.
  const text = e instanceof Error ? e.message : String(e)
  return text.replace(/^Error invoking remote method '[^']*': (?:Error: )?/, '')
}

/** One sentence per file of the workspace that could not be opened in the editor. */
function fileErrors(texts: readonly DesktopWorkspaceText[]): string | null {
  const failed = texts.filter((t) => t.error !== null).map((t) => `cannot open ${baseName(t.path)}: ${t.error}`)
  return failed.length > 0 ? failed.join('; ') : null
}

/**
 * The Electron window's extras: workspace files, autosave of unsaved text and its recovery after a crash, and the
 * application menu. Without the desktop bridge (a browser) nothing here does anything.
 */
export const useDesktopStore = defineStore('desktop', () => {
  const connected = ref(false)
  const workspaceFile = ref<string | null>(null)
  /** Paths the opened workspace names; the main process reads their text for the editor and writes it back. */
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

  /** The file of the opened workspace an editor document was read from, or null (not from the workspace). */
  function pathOf(document: EditorDocument): string | null {
    const path = useEditorStore().paths[document]
    if (path === null) return null
    if (document === 'script') return scriptPaths.value.includes(path) ? path : null
    return scenarioPath.value === path ? path : null
  }

  /** Does Save of this document write it back to its workspace file (rather than download or pick a file)? */
  function savesToWorkspace(document: EditorDocument): boolean {
    return desktopBridge() !== null && pathOf(document) !== null
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

  /** Writes the edited script and scenario back to the workspace files they came from; the errors, one per file. */
  async function saveTexts(bridge: DesktopBridge): Promise<string[]> {
    const editor = useEditorStore()
    const failed: string[] = []
    for (const document of DOCUMENTS) {
      const path = pathOf(document)
      const current = () => (document === 'script' ? editor.text : editor.scenarioText)
      const dirty = document === 'script' ? editor.dirty : editor.scenarioDirty
      if (!path || !dirty) continue
      const text = current()
      try {
        await bridge.saveTextFile(path, text)
        // Text typed while the file was written stays unsaved (and autosaved); saved text drops its autosave.
        if (current() === text) editor.markSaved(document)
      } catch (e) {
        failed.push(message(e))
      }
    }
    return failed
  }

  /**
   * Writes the script and scenario back to their workspace files, then the workspace (asking where for Save As or a
   * workspace never saved), and remembers the file chosen.
   */
  async function save(saveAs: boolean): Promise<void> {
    const bridge = desktopBridge()
    if (!bridge) return
    const { settings } = useSettingsStore()
    const current = pathOf('script')
    const scripts = current ? [current, ...scriptPaths.value.filter((p) => p !== current)] : [...scriptPaths.value]
    error.value = null
    const failed = await saveTexts(bridge)
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
    if (failed.length > 0) error.value = [...failed, ...(error.value ? [error.value] : [])].join('; ')
  }

  /**
   * An opened workspace: its settings, and its first script and its scenario in the editor (after asking before
   * unsaved text is replaced). A file that could not be read leaves its document as it was and is named in the error.
   */
  function applyWorkspace(opened: DesktopWorkspace): void {
    const editor = useEditorStore()
    const readable = (path: string | null | undefined): { path: string; text: string } | null => {
      const found = path ? opened.texts.find((t) => t.path === path) : undefined
      return found && found.text !== null ? { path: found.path, text: found.text } : null
    }
    const script = readable(opened.scripts[0])
    const scenario = readable(opened.scenario)
    const replaced = [
      ...(script && editor.dirty ? [editor.fileName] : []),
      ...(scenario && editor.scenarioDirty ? [editor.scenarioName] : []),
    ]
    if (replaced.length > 0 && !window.confirm(`Discard the unsaved changes to ${replaced.join(' and ')}?`)) return
    const settings = useSettingsStore()
    settings.setSeed(opened.seed)
    if (['off', 'standard', 'full'].includes(opened.verifier)) settings.update({ verifier: opened.verifier })
    settings.update(layoutPatch(opened.layout ?? {}, settings.settings))
    workspaceFile.value = opened.file
    scriptPaths.value = [...opened.scripts]
    scenarioPath.value = opened.scenario
    if (scenario) editor.load('scenario', baseName(scenario.path), scenario.text, scenario.path)
    if (script) editor.load('script', baseName(script.path), script.text, script.path)
    error.value = fileErrors(opened.texts)
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
    savesToWorkspace,
    applyWorkspace,
    restore,
    discard,
  }
})
