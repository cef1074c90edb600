import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The text being edited and where the cursor is; the editor component mirrors Monaco into it. */
export const useEditorStore = defineStore('editor', () => {
  const fileName = ref('miniport.ts')
  const text = ref('')
  const cursorLine = ref(1)
  const cursorColumn = ref(1)
  const dirty = ref(false)

  function setText(value: string): void {
    dirty.value = dirty.value || value !== text.value
    text.value = value
  }

  function setCursor(line: number, column: number): void {
    cursorLine.value = line
    cursorColumn.value = column
  }

  function reset(): void {
    fileName.value = 'miniport.ts'
    text.value = ''
    cursorLine.value = 1
    cursorColumn.value = 1
    dirty.value = false
  }

  return { fileName, text, cursorLine, cursorColumn, dirty, setText, setCursor, reset }
})
