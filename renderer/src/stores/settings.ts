import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { RunSpeed } from '../../../core/api/workbench-api'
import { defaultSettings, loadSettings, saveSettings, type Settings } from '../services/settings'

/** Theme, seed, speed, verifier level and layout, remembered in localStorage between runs. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>(loadSettings(localStorage))

  watch(settings, (value) => saveSettings(localStorage, value), { deep: true })

  function update(patch: Partial<Settings>): void {
    settings.value = { ...settings.value, ...patch }
  }

  function toggleTheme(): void {
    update({ theme: settings.value.theme === 'dark' ? 'light' : 'dark' })
  }

  function setSeed(seed: number): void {
    if (Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff) update({ seed })
  }

  function setSpeed(speed: RunSpeed): void {
    update({ speed })
  }

  function reset(): void {
    settings.value = defaultSettings()
  }

  return { settings, update, toggleTheme, setSeed, setSpeed, reset }
})
