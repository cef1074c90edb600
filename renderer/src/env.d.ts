/// <reference types="vite/client" />
import type { WorkbenchApi } from '../../core/api/workbench-api'
import type { DesktopBridge } from '../../core/api/desktop-api'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare global {
  interface Window {
    /** Present in the Electron window (preload); absent in a browser, where the WebSocket transport is used. */
    workbench?: WorkbenchApi
    /** Workspaces, autosave, recovery and menu commands: only in the Electron window (preload). */
    workbenchDesktop?: DesktopBridge
  }
}
