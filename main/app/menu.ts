// The application menu: File, Edit, View, Run, Help with the usual roles, and the run keys of the product README
// (F5 run/continue, F6 pause, F10 step, Shift+F5 stop). Built from plain data so a test can read it.
import type { MenuItemConstructorOptions } from 'electron'
import { basename } from 'node:path'

export type RunMenuCommand = 'run' | 'pause' | 'step' | 'stop'

export interface MenuActions {
  newWorkspace(): void
  open(): void
  openRecent(file: string): void
  clearRecent(): void
  save(): void
  saveAs(): void
  /** Run-bar commands go to the window, which owns the run state. */
  run(command: RunMenuCommand): void
  about(): void
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Development tools (reload, devtools) only in an unpackaged build. */
  isPackaged: boolean
  recent: readonly string[]
  actions: MenuActions
}

/** F-keys of the run bar. The window handles them itself (Monaco and the run bar), so the menu shows them but does
 * not register them on Linux and Windows, where a registered accelerator would swallow the key before the editor. */
export const RUN_KEYS: ReadonlyArray<{ command: RunMenuCommand; label: string; accelerator: string }> = [
  { command: 'run', label: 'Run / Continue', accelerator: 'F5' },
  { command: 'pause', label: 'Pause', accelerator: 'F6' },
  { command: 'step', label: 'Step One Event', accelerator: 'F10' },
  { command: 'stop', label: 'Stop', accelerator: 'Shift+F5' },
]

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, platform } = options
  const mac = platform === 'darwin'
  const recent: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ label: 'No Recent Workspaces', enabled: false }]
      : options.recent.map((file) => ({ label: basename(file), toolTip: file, click: () => actions.openRecent(file) }))

  const template: MenuItemConstructorOptions[] = []
  if (mac)
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    })
  template.push(
    {
      role: 'fileMenu',
      label: '&File',
      submenu: [
        { label: '&New Workspace', accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
        { label: '&Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
        {
          label: 'Open &Recent',
          submenu: [
            ...recent,
            { type: 'separator' },
            { label: 'Clear Recent', enabled: options.recent.length > 0, click: () => actions.clearRecent() },
          ],
        },
        { type: 'separator' },
        { label: '&Save Workspace', accelerator: 'CmdOrCtrl+S', click: () => actions.save() },
        { label: 'Save Workspace &As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveAs() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      role: 'editMenu',
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      role: 'viewMenu',
      label: '&View',
      submenu: [
        ...(options.isPackaged
          ? []
          : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Run',
      submenu: RUN_KEYS.map(({ command, label, accelerator }) => ({
        label,
        accelerator,
        registerAccelerator: false,
        click: () => actions.run(command),
      })),
    },
  )
  if (mac) template.push({ role: 'windowMenu' })
  template.push({
    role: 'help',
    label: '&Help',
    submenu: [{ label: mac ? 'About NIC Workbench' : '&About NIC Workbench', click: () => actions.about() }],
  })
  return template
}
