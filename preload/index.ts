// The only bridge between the sandboxed renderer and the main process: one typed WorkbenchApi object.
import { contextBridge, ipcRenderer } from 'electron'
import type { WorkbenchApi } from '../core/api/workbench-api'

const api: WorkbenchApi = {
  getInfo: () => ipcRenderer.invoke('workbench:getInfo'),
}

contextBridge.exposeInMainWorld('workbench', api)
