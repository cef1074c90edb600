// What the workbench remembers between runs (localStorage): theme, seed, speed, verifier level and the layout.
// Anything unreadable falls back to its default, field by field.
import { z } from 'zod'

export const SIDE_TABS = ['pools', 'controller'] as const
export const BOTTOM_TABS = ['problems', 'packets', 'trace', 'output'] as const

export const SettingsSchema = z.object({
  theme: z.enum(['dark', 'light']).catch('dark'),
  seed: z.int().min(0).max(0xffffffff).catch(1),
  speed: z.enum(['fast', 'realtime', 'slow']).catch('fast'),
  verifier: z.enum(['off', 'standard', 'full']).catch('standard'),
  sideWidth: z.number().min(200).max(4000).catch(460),
  bottomHeight: z.number().min(80).max(4000).catch(340),
  sideTab: z.enum(SIDE_TABS).catch('pools'),
  bottomTab: z.enum(BOTTOM_TABS).catch('problems'),
  packetsListWidth: z.number().min(120).max(2000).catch(300),
})

export type Settings = z.infer<typeof SettingsSchema>

export const SETTINGS_KEY = 'nicwb.settings'

export function defaultSettings(): Settings {
  return SettingsSchema.parse({})
}

export function loadSettings(storage: Pick<Storage, 'getItem'>): Settings {
  let raw: unknown
  try {
    raw = JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}')
  } catch {
    raw = {}
  }
  return SettingsSchema.parse(raw !== null && typeof raw === 'object' ? raw : {})
}

export function saveSettings(storage: Pick<Storage, 'setItem'>, settings: Settings): void {
  try {
    storage.setItem(SETTINGS_KEY, JSON.stringify(settings))
  } catch {
    // storage full or disabled: the layout is a convenience, the run goes on
  }
}

/** Pane sizes are kept within the window, leaving room for the editor. */
export function clampPane(size: number, min: number, available: number, keep: number): number {
  return Math.round(Math.max(min, Math.min(size, available - keep)))
}
