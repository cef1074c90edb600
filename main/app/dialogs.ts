// Native open and save dialogs for workspaces. Electron's `dialog` and the window are passed in.
import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { extname } from 'node:path'
import { WORKSPACE_EXTENSION } from '../workspace/schema'

const WORKSPACE_FILTERS = [
  { name: 'NIC Workbench workspace', extensions: [WORKSPACE_EXTENSION] },
  { name: 'All files', extensions: ['*'] },
]

export function openWorkspaceOptions(defaultPath?: string): OpenDialogOptions {
  return { title: 'Open Workspace', defaultPath, properties: ['openFile'], filters: WORKSPACE_FILTERS }
}

export function saveWorkspaceOptions(defaultPath?: string): SaveDialogOptions {
  return {
    title: 'Save Workspace As',
    defaultPath,
    filters: WORKSPACE_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
}

/** A name typed without the extension gets `.nicws`, so the file association and the open filter find it again. */
export function withWorkspaceExtension(path: string): string {
  return extname(path) === '' ? `${path}.${WORKSPACE_EXTENSION}` : path
}

export async function chooseWorkspaceToOpen(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: BaseWindow,
  defaultPath?: string,
): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, openWorkspaceOptions(defaultPath))
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]!
}

export async function chooseWorkspaceToSave(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: BaseWindow,
  defaultPath?: string,
): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, saveWorkspaceOptions(defaultPath))
  return result.canceled || !result.filePath ? null : withWorkspaceExtension(result.filePath)
}
