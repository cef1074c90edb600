// Electron main process: the window, the application menu, workspaces, and the validated IPC end of WorkbenchApi.
// Runs live in an engine process this process starts and supervises (main/engine/engine-process.ts: the same one the
// CLI and the serve host use), never on this thread and never in the renderer; statistics are pushed on the
// `workbench:stats` channel.
// `--headless <command>` runs the CLI without a window.
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, type IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { mainWindowOptions } from './window/options'
import { productRoot, productVersion } from './paths'
import { STATS_CHANNEL, WORKBENCH_CALLS, type WorkbenchInfo } from '../core/api/workbench-api'
import { Session } from './engine/session'
import { callWorkbench, sessionApi } from './engine/session-api'
import { headlessArgs, runHeadless } from './app/headless'
import { claimSingleInstance, workspaceArgument } from './app/single-instance'
import { hardenApp, hardenSession, isTrustedSender } from './app/security'
import { menuTemplate, type RunMenuCommand } from './app/menu'
import { aboutBox, aboutPanel } from './app/about'
import { openWorkspaceOptions, saveWorkspaceOptions, withWorkspaceExtension } from './app/dialogs'
import { WindowStateStore, rememberWindowState, restoreState } from './app/window-state'
import {
  AutosaveStore,
  Autosaver,
  EditableFiles,
  RecentFiles,
  WorkspaceError,
  loadWorkspace,
  readWorkspaceTexts,
  saveWorkspace,
  workspaceMessage,
} from './workspace'
import { DESKTOP_CALLS, MENU_CHANNEL, WORKSPACE_CHANNEL, desktopArgs } from './desktop-ipc'

const PAGE_URL = pathToFileURL(join(__dirname, '../renderer/index.html')).href

function devServer(): string | undefined {
  return app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
}

function checkSender(event: IpcMainInvokeEvent): void {
  if (!isTrustedSender(event.senderFrame, PAGE_URL, devServer())) throw new Error('IPC from an unknown frame refused')
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

function mainWindow(): BrowserWindow | undefined {
  return BrowserWindow.getAllWindows()[0]
}

function startDesktop(): void {
  const runs = new Session()
  const api = sessionApi(runs, info)
  let recent: RecentFiles
  let autosave: Autosaver
  let autosaveStore: AutosaveStore
  let windowState: WindowStateStore
  let pendingWorkspace: string | null = workspaceArgument(process.argv, process.cwd())
  /** The only files the page may write: the scripts and scenario of the workspace opened last. */
  const editable = new EditableFiles()

  function sendMenu(command: 'new' | 'save' | 'saveAs' | RunMenuCommand): void {
    mainWindow()?.webContents.send(MENU_CHANNEL, command)
  }

  function refreshMenu(): void {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          platform: process.platform,
          isPackaged: app.isPackaged,
          recent: recent.list(),
          actions: {
            newWorkspace: () => sendMenu('new'),
            open: () => void openWorkspace(null),
            openRecent: (file) => void openWorkspace(file),
            clearRecent: () => {
              recent.clear()
              app.clearRecentDocuments()
              refreshMenu()
            },
            save: () => sendMenu('save'),
            saveAs: () => sendMenu('saveAs'),
            run: (command) => sendMenu(command),
            about: () => void dialog.showMessageBox(aboutBox(productVersion(), process.versions)),
          },
        }),
      ),
    )
  }

  async function openWorkspace(file: string | null): Promise<void> {
    const window = mainWindow()
    if (!window) {
      pendingWorkspace = file
      return
    }
    if (window.isMinimized()) window.restore()
    window.focus()
    let path = file
    if (!path) {
      const chosen = await dialog.showOpenDialog(window, openWorkspaceOptions())
      path = chosen.canceled ? null : (chosen.filePaths[0] ?? null)
    }
    if (!path) return
    try {
      const opened = loadWorkspace(path)
      // A script or scenario that cannot be read is named in the message; the rest of the workspace still opens.
      const texts = readWorkspaceTexts(opened)
      editable.open(texts)
      recent.add(path)
      app.addRecentDocument(path)
      refreshMenu()
      window.webContents.send(WORKSPACE_CHANNEL, workspaceMessage(opened, texts))
    } catch (error) {
      if (!(error instanceof WorkspaceError)) throw error
      recent.remove(path)
      refreshMenu()
      dialog.showErrorBox('Cannot open the workspace', error.message)
    }
  }

  function createWindow(): BrowserWindow {
    const options = mainWindowOptions(join(__dirname, '../preload'))
    const state = restoreState(
      windowState.read(),
      screen.getAllDisplays().map((d) => d.workArea),
      { width: options.width!, height: options.height!, minWidth: options.minWidth!, minHeight: options.minHeight! },
    )
    const window = new BrowserWindow({ ...options, x: state.x, y: state.y, width: state.width, height: state.height })
    if (state.maximized) window.maximize()
    if (state.fullScreen) window.setFullScreen(true)
    rememberWindowState(window, windowState)
    window.on('blur', () => autosave.flush())
    window.once('ready-to-show', () => window.show())
    window.webContents.once('did-finish-load', () => {
      if (pendingWorkspace) void openWorkspace(pendingWorkspace)
      pendingWorkspace = null
    })
    const dev = devServer()
    if (dev) void window.loadURL(dev)
    else void window.loadFile(join(__dirname, '../renderer/index.html'))
    return window
  }

  if (!claimSingleInstance(app, (file) => void openWorkspace(file))) return
  hardenApp(app)

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession)
    const dataDir = app.getPath('userData')
    recent = new RecentFiles(dataDir)
    autosaveStore = new AutosaveStore(dataDir)
    autosave = new Autosaver(autosaveStore)
    windowState = new WindowStateStore(dataDir)
    if (process.platform === 'darwin') app.setAboutPanelOptions(aboutPanel(productVersion(), process.versions))
    refreshMenu()

    for (const call of WORKBENCH_CALLS) {
      ipcMain.handle(`workbench:${call}`, (event, ...args: unknown[]) => {
        checkSender(event)
        return callWorkbench(api, call, args)
      })
    }
    for (const call of DESKTOP_CALLS) {
      ipcMain.handle(`workbench:${call}`, async (event, ...args: unknown[]) => {
        checkSender(event)
        if (call === 'saveWorkspace') {
          const [content, file, saveAs] = desktopArgs('saveWorkspace', args)
          let target = !saveAs && file ? file : null
          if (!target) {
            const window = BrowserWindow.fromWebContents(event.sender) ?? mainWindow()!
            const chosen = await dialog.showSaveDialog(window, saveWorkspaceOptions(file ?? undefined))
            target = chosen.canceled || !chosen.filePath ? null : withWorkspaceExtension(chosen.filePath)
          }
          if (!target) return null
          saveWorkspace(target, content)
          recent.add(target)
          app.addRecentDocument(target)
          refreshMenu()
          return target
        }
        if (call === 'saveTextFile') {
          const [path, text] = desktopArgs('saveTextFile', args)
          editable.save(path, text)
          return null
        }
        if (call === 'editorChanged') {
          const [key, file, text] = desktopArgs('editorChanged', args)
          autosave.changed(key, file, text)
          return null
        }
        if (call === 'editorSaved') {
          const [key] = desktopArgs('editorSaved', args)
          autosave.saved(key)
          return null
        }
        desktopArgs('recoveries', args)
        return autosaveStore.recoverable()
      })
    }
    // Statistics go to every window of ours.
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

  app.on('will-quit', () => {
    autosave?.flush()
    void runs.dispose()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

const headless = headlessArgs(process.argv)
if (headless) {
  app.dock?.hide()
  // The CLI bundle sets the exit code and calls process.exit itself.
  runHeadless(headless, join(productRoot(), 'out', 'cli', 'nicbench.js'))
} else {
  startDesktop()
}
