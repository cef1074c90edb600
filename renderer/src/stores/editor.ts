import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Diagnostic } from '../../../core/api/workbench-api'
import { STARTER_MINIPORT } from '../monaco/starter'
import { DEFAULT_SCENARIO } from '../services/scenario-schema'

export type EditorDocument = 'script' | 'scenario'

const KEYS = {
  fileName: 'nicwb.editor.fileName',
  script: 'nicwb.editor.script',
  scenario: 'nicwb.editor.scenario',
  scenarioName: 'nicwb.editor.scenarioName',
  // Which of the stored texts hold unsaved edits: a reload must still ask before they are replaced.
  scriptDirty: 'nicwb.editor.scriptDirty',
  scenarioDirty: 'nicwb.editor.scenarioDirty',
} as const

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // storage full or disabled: the text stays in the editor
  }
}

/** The script and the scenario being edited, autosaved on every change so the text is never lost. */
export const useEditorStore = defineStore('editor', () => {
  const fileName = ref(read(KEYS.fileName) ?? 'miniport.ts')
  const text = ref(read(KEYS.script) ?? STARTER_MINIPORT)
  const scenarioName = ref(read(KEYS.scenarioName) ?? 'scenario.json')
  const scenarioText = ref(read(KEYS.scenario) ?? DEFAULT_SCENARIO)
  const active = ref<EditorDocument>('script')
  const cursorLine = ref(1)
  const cursorColumn = ref(1)
  const dirty = ref(read(KEYS.scriptDirty) === 'true')
  const scenarioDirty = ref(read(KEYS.scenarioDirty) === 'true')
  watch(dirty, (now) => write(KEYS.scriptDirty, String(now)))
  watch(scenarioDirty, (now) => write(KEYS.scenarioDirty, String(now)))
  /** Where each document was read from on disk (a workspace's file), or null: an example, a picked file, new text. */
  const paths = ref<Record<EditorDocument, string | null>>({ script: null, scenario: null })
  /** Problems found before a run (type check, scenario schema) from the host. */
  const diagnostics = ref<Diagnostic[]>([])
  /** A request to show a line; the editor component follows it. `seq` makes repeated jumps to one line count. */
  const reveal = ref<{ document: EditorDocument; line: number; column: number; seq: number } | null>(null)

  /** Why a link of a run view did not move the cursor (its line is in another file), until the next jump. */
  const notice = ref<string | null>(null)

  const activeName = computed(() => (active.value === 'script' ? fileName.value : scenarioName.value))

  function setText(value: string): void {
    if (value === text.value) return
    dirty.value = true
    text.value = value
    write(KEYS.script, value)
  }

  function setScenarioText(value: string): void {
    if (value === scenarioText.value) return
    scenarioDirty.value = true
    scenarioText.value = value
    write(KEYS.scenario, value)
  }

  function setCursor(line: number, column: number): void {
    cursorLine.value = line
    cursorColumn.value = column
  }

  /**
   * A file opened from disk or an example: JSON goes to the scenario, anything else is the script. It replaces the
   * document without asking: the UI opens files through the files store, which asks first.
   */
  function open(name: string, value: string): void {
    load(name.toLowerCase().endsWith('.json') ? 'scenario' : 'script', name, value, null)
  }

  /** Puts a file's text in one document; `path` is where it lives on disk when it can be saved back there. */
  function load(document: EditorDocument, name: string, value: string, path: string | null): void {
    if (document === 'scenario') {
      scenarioName.value = name.slice(name.lastIndexOf('/') + 1)
      write(KEYS.scenarioName, scenarioName.value)
      scenarioText.value = value
      write(KEYS.scenario, value)
      scenarioDirty.value = false
    } else {
      fileName.value = name.slice(name.lastIndexOf('/') + 1)
      write(KEYS.fileName, fileName.value)
      text.value = value
      write(KEYS.script, value)
      dirty.value = false
    }
    paths.value = { ...paths.value, [document]: path }
    active.value = document
    diagnostics.value = []
  }

  function markSaved(document: EditorDocument): void {
    if (document === 'script') dirty.value = false
    else scenarioDirty.value = false
  }

  function show(document: EditorDocument): void {
    active.value = document
  }

  function revealLine(line: number, column = 1, document: EditorDocument = 'script'): void {
    if (!Number.isFinite(line) || line < 1) return
    active.value = document
    reveal.value = {
      document,
      line: Math.floor(line),
      column: Math.max(1, Math.floor(column)),
      seq: (reveal.value?.seq ?? 0) + 1,
    }
  }

  /**
   * A location a run view names (trace, packet, pool, finding, bug check): shown only when it is in the open script,
   * since a line of another file means nothing here; else the notice says which file it is in.
   */
  function revealAt(at: { file: string; line: number; column: number } | null | undefined): boolean {
    if (!at || !Number.isFinite(at.line) || at.line < 1) return false
    const base = at.file.slice(Math.max(at.file.lastIndexOf('/'), at.file.lastIndexOf('\\')) + 1)
    if (base !== '' && base !== fileName.value) {
      notice.value = `line ${at.line} is in ${base}, not in the open ${fileName.value}`
      return false
    }
    notice.value = null
    revealLine(at.line, at.column)
    return true
  }

  function setDiagnostics(list: Diagnostic[]): void {
    diagnostics.value = list
  }

  function reset(): void {
    fileName.value = 'miniport.ts'
    text.value = STARTER_MINIPORT
    scenarioName.value = 'scenario.json'
    scenarioText.value = DEFAULT_SCENARIO
    active.value = 'script'
    cursorLine.value = 1
    cursorColumn.value = 1
    dirty.value = false
    scenarioDirty.value = false
    paths.value = { script: null, scenario: null }
    diagnostics.value = []
    reveal.value = null
    notice.value = null
  }

  return {
    fileName,
    text,
    scenarioName,
    scenarioText,
    active,
    activeName,
    cursorLine,
    cursorColumn,
    dirty,
    scenarioDirty,
    paths,
    diagnostics,
    reveal,
    notice,
    setText,
    setScenarioText,
    setCursor,
    open,
    load,
    markSaved,
    show,
    revealLine,
    revealAt,
    setDiagnostics,
    reset,
  }
})
