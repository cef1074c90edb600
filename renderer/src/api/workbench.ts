// The renderer's one way to the engine: the preload bridge in the Electron window, the WebSocket in a browser.
import type { WorkbenchApi } from '../../../core/api/workbench-api'
import { connectSocketApi, socketApiUrl } from './socket-transport'

let socketApi: WorkbenchApi | undefined

export function workbenchApi(): WorkbenchApi {
  if (window.workbench) return window.workbench
  socketApi ??= connectSocketApi(socketApiUrl(location))
  return socketApi
}
