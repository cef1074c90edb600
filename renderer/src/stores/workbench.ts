import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { WorkbenchInfo } from '../../../core/api/workbench-api'
import { workbenchApi } from '../api/workbench'

export type ConnectionState = 'connecting' | 'connected' | 'offline'

/** The host the UI talks to: who it is and whether it answers. */
export const useWorkbenchStore = defineStore('workbench', () => {
  const info = ref<WorkbenchInfo | null>(null)
  const connection = ref<ConnectionState>('connecting')
  const error = ref<string | null>(null)

  const hostLabel = computed(() =>
    info.value ? `${info.value.host === 'electron' ? 'desktop' : 'serve'} · v${info.value.version}` : '',
  )

  async function connect(): Promise<void> {
    connection.value = 'connecting'
    try {
      info.value = await workbenchApi().getInfo()
      connection.value = 'connected'
      error.value = null
    } catch (e) {
      connection.value = 'offline'
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  function reset(): void {
    info.value = null
    connection.value = 'connecting'
    error.value = null
  }

  return { info, connection, error, hostLabel, connect, reset }
})
