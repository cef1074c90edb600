// Electron's security checklist for the main window, read from the options the main process builds.
// The options are built by a pure function; Electron itself (the binary) is not launched here.
import { describe, expect, it } from 'vitest'
import { mainWindowOptions } from '../../../main/window/options'

describe('main window options', () => {
  const options = mainWindowOptions('/app/out/preload')

  it('isolates and sandboxes the renderer', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('loads the built CommonJS preload', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.js')
  })
})
