// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useEditorStore } from '../../../renderer/src/stores/editor'
import { useWorkbenchStore } from '../../../renderer/src/stores/workbench'

beforeEach(() => setActivePinia(createPinia()))

describe('editor store', () => {
  it('becomes dirty on a change and resets', () => {
    const store = useEditorStore()
    store.setText('let a = 1')
    expect(store.dirty).toBe(true)
    store.setCursor(3, 7)
    expect([store.cursorLine, store.cursorColumn]).toEqual([3, 7])
    store.reset()
    expect([store.text, store.dirty, store.cursorLine]).toEqual(['', false, 1])
  })
})

describe('workbench store', () => {
  it('uses the preload bridge when the window has one', async () => {
    window.workbench = {
      getInfo: async () => ({ version: '9.9.9', host: 'electron', versions: { electron: '41.7.1' } }),
    }
    const store = useWorkbenchStore()
    await store.connect()
    expect(store.connection).toBe('connected')
    expect(store.hostLabel).toBe('desktop · v9.9.9')
  })
})
