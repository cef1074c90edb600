import type { BrowserWindowConstructorOptions } from 'electron'
import { join } from 'node:path'

/** Window colour before the renderer paints: the dark theme's background, so there is no white flash. */
export const FRAME_BACKGROUND = '#1e1e1e'

/**
 * Options of the main window. Kept as a pure function so a test can read them (Electron's security checklist:
 * context isolation and the sandbox on, no Node in the renderer, no remote content).
 */
export function mainWindowOptions(preloadDir: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'NIC Workbench',
    backgroundColor: FRAME_BACKGROUND,
    show: false,
    webPreferences: {
      preload: join(preloadDir, 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  }
}
