// @vitest-environment happy-dom
// Opening a file never loses an edit: the files store asks (save / don't save / cancel) before unsaved text is
// replaced, remembers across a reload which text is unsaved, and a save says so.
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { useEditorStore } from '../../../renderer/src/stores/editor'
import { useFilesStore } from '../../../renderer/src/stores/files'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
let downloads: string[]

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  downloads = []
  // The browser's download of a saved file: an anchor with a download name, clicked.
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads.push(this.download)
  }
})

describe('opening a file over unsaved text', () => {
  it('opens at once when nothing is unsaved', async () => {
    const files = useFilesStore()
    const editor = useEditorStore()
    await expect(files.open('buggy/double-free.ts', '// double free')).resolves.toBe(true)
    expect([editor.fileName, editor.text, files.prompt]).toEqual(['double-free.ts', '// double free', null])
  })

  it('asks first; Cancel keeps the edited text, its name and its unsaved mark', async () => {
    const files = useFilesStore()
    const editor = useEditorStore()
    editor.setText('// my edit')
    const opened = files.open('buggy/double-free.ts', '// double free')
    await flush()
    expect(files.prompt).toEqual({ document: 'script', name: 'miniport.ts', by: 'double-free.ts' })
    expect(editor.text).toBe('// my edit')
    files.choose('cancel')
    await expect(opened).resolves.toBe(false)
    expect([editor.fileName, editor.text, editor.dirty, files.prompt]).toEqual([
      'miniport.ts',
      '// my edit',
      true,
      null,
    ])
  })

  it("Don't Save replaces the text; Save saves it first (a download in a browser) and says so", async () => {
    const files = useFilesStore()
    const editor = useEditorStore()
    editor.setText('// my edit')
    const discarded = files.open('a.ts', '// a')
    await flush()
    files.choose('discard')
    await expect(discarded).resolves.toBe(true)
    expect([editor.fileName, editor.text, editor.dirty]).toEqual(['a.ts', '// a', false])
    expect(downloads).toEqual([])

    editor.setText('// edit of a')
    const saved = files.open('b.ts', '// b')
    await flush()
    files.choose('save')
    await expect(saved).resolves.toBe(true)
    expect(downloads).toEqual(['a.ts'])
    expect(files.notice).toBe("Saved a.ts to the browser's downloads")
    expect([editor.fileName, editor.text]).toEqual(['b.ts', '// b'])
  })

  it('asks only for the document being replaced: a scenario opens over an edited script at once', async () => {
    const files = useFilesStore()
    const editor = useEditorStore()
    editor.setText('// my edit')
    await expect(files.open('flood.json', '{}')).resolves.toBe(true)
    expect([editor.text, editor.scenarioText, editor.dirty]).toEqual(['// my edit', '{}', true])
  })

  it('still asks after a reload: which text is unsaved is remembered with it', async () => {
    useEditorStore().setText('// my edit')
    await nextTick()
    setActivePinia(createPinia())
    const editor = useEditorStore()
    expect([editor.text, editor.dirty]).toEqual(['// my edit', true])
    const opened = useFilesStore().open('a.ts', '// a')
    await flush()
    expect(useFilesStore().prompt?.name).toBe('miniport.ts')
    useFilesStore().choose('cancel')
    await expect(opened).resolves.toBe(false)
  })
})
