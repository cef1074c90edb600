// Electron main process: one window, the validated IPC end of WorkbenchApi.
import { app, BrowserWindow, ipcMain, session, shell } from 'electron'
import { join } from 'node:path'
import { mainWindowOptions } from './window/options'
import { productVersion } from './paths'
import type { WorkbenchInfo } from '../core/api/workbench-api'

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload')))
  window.once('ready-to-show', () => window.show())
  // Navigation and new windows are denied; links open in the user's browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  const devServer = process.env['ELECTRON_RENDERER_URL']
  if (!app.isPackaged && devServer) void window.loadURL(devServer)
  else void window.loadFile(join(__dirname, '../renderer/index.html'))
  return window
}

function isOwnFrame(senderUrl: string): boolean {
  const devServer = process.env['ELECTRON_RENDERER_URL']
  return senderUrl.startsWith('file://') || (!!devServer && senderUrl.startsWith(devServer))
}

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ipcMain.handle('workbench:getInfo', (event): WorkbenchInfo => {
    if (!event.senderFrame || !isOwnFrame(event.senderFrame.url)) throw new Error('IPC from an unknown frame refused')
    return {
      version: productVersion(),
      host: 'electron',
      versions: {
        electron: process.versions.electron ?? '',
        chrome: process.versions.chrome ?? '',
        node: process.versions.node,
      },
    }
  })
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
