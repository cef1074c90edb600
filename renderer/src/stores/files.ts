import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { replayScenarioText, replayedCapture } from '../../../core/scenario/replay-text'
import { openBinaryFile, saveTextFile } from '../services/files'
import { useDesktopStore } from './desktop'
import { useEditorStore, type EditorDocument } from './editor'
import { useInspectStore } from './inspect'
import { useRunStore } from './run'

/** What the author chose when a file was about to replace unsaved text. */
export type UnsavedChoice = 'save' | 'discard' | 'cancel'

/** How long the line saying a file was saved stays in the run bar. */
export const SAVE_NOTICE_MS = 4_000

/**
 * Opening and saving the editor's documents, as VS Code does: before anything replaces a document with unsaved text
 * the author is asked to save it, discard it or cancel, and a saved file says so.
 */
export const useFilesStore = defineStore('files', () => {
  /** The open question: which document's unsaved text is about to be replaced, and by what. */
  const prompt = ref<{ document: EditorDocument; name: string; by: string } | null>(null)
  /** The last save, in words ("Saved miniport.ts"), for a few seconds. */
  const notice = ref<string | null>(null)
  /** Captures the author picked to replay, by file name: sent with a run whose scenario replays one of them. */
  const captures = shallowRef<ReadonlyMap<string, string>>(new Map())
  let answer: ((choice: UnsavedChoice) => void) | null = null
  let noticeTimer: ReturnType<typeof setTimeout> | null = null

  function dirty(document: EditorDocument): boolean {
    const editor = useEditorStore()
    return document === 'script' ? editor.dirty : editor.scenarioDirty
  }

  /** Asks what to do with a document's unsaved text; a second question cancels the first. */
  function ask(document: EditorDocument, by: string): Promise<UnsavedChoice> {
    answer?.('cancel')
    const editor = useEditorStore()
    prompt.value = { document, name: document === 'script' ? editor.fileName : editor.scenarioName, by }
    return new Promise((resolve) => {
      answer = resolve
    })
  }

  function choose(choice: UnsavedChoice): void {
    const resolve = answer
    answer = null
    prompt.value = null
    resolve?.(choice)
  }

  function say(text: string): void {
    notice.value = text
    if (noticeTimer) clearTimeout(noticeTimer)
    noticeTimer = setTimeout(() => {
      notice.value = null
      noticeTimer = null
    }, SAVE_NOTICE_MS)
  }

  /** Saves one document: to its workspace file in the desktop app, else a save picker or a download. */
  async function save(document: EditorDocument): Promise<boolean> {
    const editor = useEditorStore()
    const desktop = useDesktopStore()
    if (desktop.savesToWorkspace(document)) {
      await desktop.save(false)
      if (dirty(document)) return false
      say(`Saved ${document === 'script' ? editor.fileName : editor.scenarioName}`)
      return true
    }
    const script = document === 'script'
    const name = script ? editor.fileName : editor.scenarioName
    const text = script ? editor.text : editor.scenarioText
    const how = await saveTextFile(name, text)
    if (how === null) return false
    // Text typed while the picker was open stays unsaved.
    if ((script ? editor.text : editor.scenarioText) === text) editor.markSaved(document)
    say(how === 'downloaded' ? `Saved ${name} to the browser's downloads` : `Saved ${name}`)
    return true
  }

  /**
   * Puts a file's text in a document, asking first when the document holds unsaved text; false when the author
   * cancelled (or the save they asked for did not happen), and the document is left as it was.
   */
  async function replace(document: EditorDocument, name: string, text: string, path: string | null): Promise<boolean> {
    const editor = useEditorStore()
    const current = document === 'script' ? editor.text : editor.scenarioText
    if (dirty(document) && current !== text) {
      const choice = await ask(document, name.slice(name.lastIndexOf('/') + 1))
      if (choice === 'cancel') return false
      if (choice === 'save' && !(await save(document))) return false
    }
    editor.load(document, name, text, path)
    // The last run's views (findings, stop screen, packets, trace) are of the script just replaced: they go with it.
    const run = useRunStore()
    if (document === 'script' && !run.live) {
      run.forget()
      useInspectStore().clearRun()
    }
    return true
  }

  /**
   * A file opened from disk or an example: JSON goes to the scenario, anything else is the script. An example
   * capture (captures/x.pcap) comes as the replay scenario that plays it.
   */
  function open(name: string, text: string): Promise<boolean> {
    const base = name.slice(name.lastIndexOf('/') + 1)
    if (/\.pcap(ng)?$/i.test(base))
      return replace('scenario', `replay-${base.replace(/\.[^.]+$/, '')}.json`, text, null)
    return replace(name.toLowerCase().endsWith('.json') ? 'scenario' : 'script', name, text, null)
  }

  /** A capture picked from disk: kept for the run, and the scenario becomes its replay (asking first if edited). */
  async function openCapture(): Promise<boolean> {
    const file = await openBinaryFile('.pcap,.pcapng,.cap')
    if (!file) return false
    const next = new Map(captures.value)
    next.set(file.name, file.base64)
    captures.value = next
    const where = `${file.name} (opened in the workbench)`
    return replace(
      'scenario',
      `replay-${file.name.replace(/\.[^.]+$/, '')}.json`,
      replayScenarioText(file.name, where),
      null,
    )
  }

  /** The picked capture a scenario text replays, as the start request carries it; none for an example's. */
  function captureFor(scenarioText: string): { name: string; base64: string } | undefined {
    const name = replayedCapture(scenarioText)
    const base64 = name === null ? undefined : captures.value.get(name)
    return name !== null && base64 !== undefined ? { name, base64 } : undefined
  }

  function reset(): void {
    answer?.('cancel')
    answer = null
    prompt.value = null
    notice.value = null
  }

  return { prompt, notice, captures, ask, choose, save, replace, open, openCapture, captureFor, reset }
})
