// What a workspace file (.nicws) means to the page: the layout part of the settings, the names shown for its paths,
// and the wording of the recovery offer.
import { SettingsSchema, type Settings } from './settings'

/** The settings a workspace remembers as its layout; theme, speed, seed and verifier are not layout. */
export const LAYOUT_KEYS = ['sideWidth', 'bottomHeight', 'sideTab', 'bottomTab', 'packetsListWidth'] as const
type LayoutKey = (typeof LAYOUT_KEYS)[number]

export function layoutOf(settings: Settings): Record<LayoutKey, Settings[LayoutKey]> {
  const layout = {} as Record<LayoutKey, Settings[LayoutKey]>
  for (const key of LAYOUT_KEYS) layout[key] = settings[key]
  return layout
}

/** The layout fields of a workspace that are valid settings; anything else (unknown keys, bad values) is ignored. */
export function layoutPatch(layout: Record<string, unknown>, current: Settings): Partial<Settings> {
  const patch: Partial<Settings> = {}
  for (const key of LAYOUT_KEYS) {
    const value = layout[key]
    if (value === undefined) continue
    // The schema replaces a bad value by its default: a value that survives unchanged is a valid one.
    const parsed = SettingsSchema.parse({ ...current, [key]: value })
    if (parsed[key] === value) Object.assign(patch, { [key]: value })
  }
  return patch
}

/** The last part of a path, with either separator (workspaces made on Windows name `C:\...` paths). */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
}

export function workspaceName(file: string): string {
  return baseName(file).replace(/\.nicws$/i, '')
}

function two(n: number): string {
  return String(n).padStart(2, '0')
}

/** Local clock time of an autosave; the date too when it was not today. */
export function recoveryTime(savedAtMs: number, nowMs: number): string {
  const at = new Date(savedAtMs)
  if (!Number.isFinite(at.getTime())) return 'an earlier session'
  const now = new Date(nowMs)
  const time = `${two(at.getHours())}:${two(at.getMinutes())}`
  const sameDay =
    at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate()
  return sameDay ? time : `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${time}`
}

/** What the recovered text belongs to: its file's name, or the document it was typed in. */
export function recoveryTarget(file: string | null, document: 'script' | 'scenario'): string {
  return file ? baseName(file) : `the ${document}`
}
