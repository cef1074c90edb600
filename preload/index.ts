// The only bridge between the sandboxed renderer and the main process: one typed WorkbenchApi object, `workbench`.
// Each call is `ipcRenderer.invoke('workbench:<call>', ...args)`; statistics arrive on `workbench:stats`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { RunStats, WorkbenchApi } from '../core/api/workbench-api'
import {
  MENU_CHANNEL,
  WORKSPACE_CHANNEL,
  type DesktopBridge,
  type DesktopWorkspace,
  type MenuCommand,
} from '../core/api/desktop-api'

const invoke = (call: string, ...args: unknown[]) => ipcRenderer.invoke(`workbench:${call}`, ...args)

const api: WorkbenchApi = {
  getInfo: () => invoke('getInfo'),
  listExamples: () => invoke('listExamples'),
  checkScript: (fileName, scriptText) => invoke('checkScript', fileName, scriptText),
  startRun: (request) => invoke('startRun', request),
  pauseRun: () => invoke('pauseRun'),
  resumeRun: () => invoke('resumeRun'),
  stepRun: () => invoke('stepRun'),
  stopRun: () => invoke('stopRun'),
  setSpeed: (speed) => invoke('setSpeed', speed),
  setCable: (connected) => invoke('setCable', connected),
  getFindings: () => invoke('getFindings'),
  listPackets: () => invoke('listPackets'),
  getPacket: (address) => invoke('getPacket', address),
  getController: () => invoke('getController'),
  getTrace: (fromSeq, limit, kinds, newest) =>
    newest === undefined
      ? invoke('getTrace', fromSeq, limit, kinds)
      : invoke('getTrace', fromSeq, limit, kinds, newest),
  onStats: (listener) => {
    // The renderer never sees the IPC event (it would expose ipcRenderer).
    const handler = (_event: IpcRendererEvent, stats: RunStats) => listener(stats)
    ipcRenderer.on('workbench:stats', handler)
    return () => void ipcRenderer.removeListener('workbench:stats', handler)
  },
}

// Desktop-only: workspaces and their files, autosave and recovery, menu commands.
const desktop: DesktopBridge = {
  saveWorkspace: (content, file, saveAs) => invoke('saveWorkspace', content, file, saveAs),
  saveTextFile: (path, text) => invoke('saveTextFile', path, text),
  editorChanged: (key, file, text) => invoke('editorChanged', key, file, text),
  editorSaved: (key) => invoke('editorSaved', key),
  recoveries: () => invoke('recoveries'),
  onMenu: (listener) => {
    const handler = (_event: IpcRendererEvent, command: MenuCommand) => listener(command)
    ipcRenderer.on(MENU_CHANNEL, handler)
    return () => void ipcRenderer.removeListener(MENU_CHANNEL, handler)
  },
  onWorkspace: (listener) => {
    const handler = (_event: IpcRendererEvent, workspace: DesktopWorkspace) => listener(workspace)
    ipcRenderer.on(WORKSPACE_CHANNEL, handler)
    return () => void ipcRenderer.removeListener(WORKSPACE_CHANNEL, handler)
  },
}

contextBridge.exposeInMainWorld('workbench', api)
contextBridge.exposeInMainWorld('workbenchDesktop', desktop)
