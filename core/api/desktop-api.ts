// What the Electron window has beyond WorkbenchApi (absent in a browser): workspace files, autosave and recovery of
// unsaved editor text, and the application menu's commands. Types and channel names only.

export type MenuCommand = 'new' | 'save' | 'saveAs' | 'run' | 'pause' | 'step' | 'stop'

/** One file a workspace names, as read when the workspace opened: its text, or why it could not be read. */
export interface DesktopWorkspaceText {
  path: string
  text: string | null
  error: string | null
}

export interface DesktopWorkspace {
  /** The workspace file. */
  file: string
  /** Absolute paths. */
  scripts: string[]
  scenario: string | null
  verifier: 'off' | 'standard' | 'full'
  seed: number
  layout: Record<string, unknown>
  /** The scripts, then the scenario, in that order (the page is sandboxed and cannot read them itself). */
  texts: DesktopWorkspaceText[]
}

export interface DesktopWorkspaceContent {
  scripts: string[]
  scenario: string | null
  verifier: 'off' | 'standard' | 'full'
  seed: number
  layout?: Record<string, unknown>
}

export interface DesktopRecovery {
  key: string
  file: string | null
  text: string
  savedAtMs: number
  diskText: string | null
}

export interface DesktopBridge {
  /** Saves (or, with saveAs or no file yet, asks where); the file written, or null when cancelled. */
  saveWorkspace(content: DesktopWorkspaceContent, file: string | null, saveAs: boolean): Promise<string | null>
  /** Writes a script or the scenario back, atomically; refused for any path the opened workspace does not name. */
  saveTextFile(path: string, text: string): Promise<null>
  /** Unsaved editor text, autosaved to the app's data folder after a pause in typing. */
  editorChanged(key: string, file: string | null, text: string): Promise<null>
  editorSaved(key: string): Promise<null>
  /** Autosaved text left by a crash or a kill, newest first. */
  recoveries(): Promise<DesktopRecovery[]>
  onMenu(listener: (command: MenuCommand) => void): () => void
  onWorkspace(listener: (workspace: DesktopWorkspace) => void): () => void
}

export const MENU_CHANNEL = 'workbench:menu'
export const WORKSPACE_CHANNEL = 'workbench:workspace'
