// The desktop-only bridge (workspace files, autosave and recovery, the application menu): present in the Electron
// window, null in a browser, where every desktop feature stays out of the way.
import type { DesktopBridge } from '../../../core/api/desktop-api'

export function desktopBridge(): DesktopBridge | null {
  return window.workbenchDesktop ?? null
}
