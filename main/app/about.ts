// Help > About: the product version and the versions of Electron, Chromium, Node and V8 it runs on.
import type { AboutPanelOptionsOptions, MessageBoxOptions } from 'electron'

export interface RuntimeVersions {
  electron?: string
  chrome?: string
  node?: string
  v8?: string
}

export function aboutLines(productVersion: string, versions: RuntimeVersions): string[] {
  return [
    `NIC Workbench ${productVersion}`,
    `Electron ${versions.electron ?? '–'}`,
    `Chromium ${versions.chrome ?? '–'}`,
    `Node.js ${versions.node ?? '–'}`,
    `V8 ${versions.v8 ?? '–'}`,
  ]
}

/** The about box of Windows and Linux (a message box). */
export function aboutBox(productVersion: string, versions: RuntimeVersions): MessageBoxOptions {
  const [title, ...rest] = aboutLines(productVersion, versions)
  return {
    type: 'info',
    title: 'About NIC Workbench',
    message: title!,
    detail: `${rest.join('\n')}\n\nNDIS 5 miniport workbench: an emulated network controller and a verifier.`,
    buttons: ['OK'],
    noLink: true,
  }
}

/** macOS's standard about panel (app.setAboutPanelOptions). */
export function aboutPanel(productVersion: string, versions: RuntimeVersions): AboutPanelOptionsOptions {
  return {
    applicationName: 'NIC Workbench',
    applicationVersion: productVersion,
    version: aboutLines(productVersion, versions).slice(1).join(' · '),
  }
}
