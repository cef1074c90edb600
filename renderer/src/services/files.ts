// Open and save files from the page: a file picker in, a download (or the save picker where there is one) out.

export function openTextFile(accept = '.ts,.js,.json'): Promise<{ name: string; text: string } | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.addEventListener('change', async () => {
      const file = input.files?.[0]
      resolve(file ? { name: file.name, text: await file.text() } : null)
    })
    input.addEventListener('cancel', () => resolve(null))
    input.click()
  })
}

/** A binary file from the file picker (a capture to replay), its bytes in base64 as the start request carries them. */
export function openBinaryFile(accept: string): Promise<{ name: string; base64: string } | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.addEventListener('change', async () => {
      const file = input.files?.[0]
      resolve(file ? { name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) } : null)
    })
    input.addEventListener('cancel', () => resolve(null))
    input.click()
  })
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // In chunks: String.fromCharCode takes a bounded number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

interface SavePicker {
  showSaveFilePicker?(options: { suggestedName: string }): Promise<{
    createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>
  }>
}

/**
 * Saves text under a name: where the save picker puts it ('picked'), else as a download ('downloaded'); null when the
 * author closed the picker. A picker the page may not open here (no user gesture left) falls back to the download.
 */
export async function saveTextFile(name: string, text: string): Promise<'picked' | 'downloaded' | null> {
  const picker = (window as unknown as SavePicker).showSaveFilePicker
  if (picker) {
    try {
      const handle = await picker.call(window, { suggestedName: name })
      const writable = await handle.createWritable()
      await writable.write(text)
      await writable.close()
      return 'picked'
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return null
    }
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = name
  anchor.click()
  URL.revokeObjectURL(url)
  return 'downloaded'
}
