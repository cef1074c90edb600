import { defineStore } from 'pinia'
import { ref } from 'vue'
import { saveTextFile } from '../services/files'
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

  /** A file opened from disk or an example: JSON goes to the scenario, anything else is the script. */
  function open(name: string, text: string): Promise<boolean> {
    return replace(name.toLowerCase().endsWith('.json') ? 'scenario' : 'script', name, text, null)
  }

  function reset(): void {
    answer?.('cancel')
    answer = null
    prompt.value = null
    notice.value = null
  }

  return { prompt, notice, ask, choose, save, replace, open, reset }
})
