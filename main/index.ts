// Electron main process: one window, the validated IPC end of WorkbenchApi. Runs live in a session worker, never on
// this thread; statistics are pushed to the window on the `workbench:stats` channel.
import { app, BrowserWindow, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { mainWindowOptions } from './window/options'
import { productVersion } from './paths'
import { STATS_CHANNEL, WORKBENCH_CALLS, type WorkbenchInfo } from '../core/api/workbench-api'
import { Session } from './engine/session'
import { callWorkbench, sessionApi } from './engine/session-api'

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

function info(): WorkbenchInfo {
  return {
    version: productVersion(),
    host: 'electron',
    versions: {
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
    },
  }
}

const runs = new Session()
const api = sessionApi(runs, info)

function checkSender(event: IpcMainInvokeEvent): void {
  if (!event.senderFrame || !isOwnFrame(event.senderFrame.url)) throw new Error('IPC from an unknown frame refused')
}

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  for (const call of WORKBENCH_CALLS) {
    ipcMain.handle(`workbench:${call}`, (event, ...args: unknown[]) => {
      checkSender(event)
      return callWorkbench(api, call, args)
    })
  }
  // Statistics go to every window of ours (one per run of the app).
  runs.onStats((stats) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(`workbench:${STATS_CHANNEL}`, stats)
    }
  })
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('will-quit', () => void runs.dispose())

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
